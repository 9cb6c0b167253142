"""The bench's workloads in PyTorch, one thread, for `pnpm bench` (bench/pytorch.mjs runs it).

A child process that the bench drives round by round, so PyTorch is interleaved with the
JavaScript libraries: it prints {"torch": version, "threads": n}, then answers each request
line on stdin with one JSON line. The MLP's inputs come as raw little-endian files (x,
labels, w1, b1, w2, b2) in the folder a setup request names. Each run is timed here, so the
pipe's latency is not counted.
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def op_chain():
    a = torch.tensor([1.0001])
    b = torch.tensor([0.0001])

    def run():
        x = torch.ones(1, requires_grad=True)
        v = x
        for _ in range(1000):
            v = v * a + b
        v.backward()
        return float(x.grad[0])

    return run


def mlp_step(folder):
    def load(name, dtype, shape):
        return torch.from_numpy(np.fromfile(os.path.join(folder, name), dtype=dtype).reshape(shape))

    x = load("x.bin", np.float32, (64, 784))
    y = load("labels.bin", np.int32, (64,)).long()
    params = [
        load("w1.bin", np.float32, (256, 784)).clone().requires_grad_(),
        load("b1.bin", np.float32, (256,)).clone().requires_grad_(),
        load("w2.bin", np.float32, (10, 256)).clone().requires_grad_(),
        load("b2.bin", np.float32, (10,)).clone().requires_grad_(),
    ]
    w1, b1, w2, b2 = params
    opt = torch.optim.SGD(params, lr=0.1)

    def run():
        opt.zero_grad(set_to_none=True)
        h = F.relu(F.linear(x, w1, b1))
        loss = F.cross_entropy(F.linear(h, w2, b2), y)
        loss.backward()
        opt.step()
        return loss.item()

    return run


def matmul(n):
    g = torch.Generator().manual_seed(0)
    a = torch.rand(n, n, generator=g)
    b = torch.rand(n, n, generator=g)
    return lambda: (a @ b, None)[1]


def rng(kind):
    out = torch.empty(10**7)
    return lambda: (out.uniform_() if kind == "uniform" else out.normal_(), None)[1]


def xavier():
    w = torch.empty(4096, 4096)
    return lambda: (torch.nn.init.xavier_uniform_(w), None)[1]


def lenet_step():
    torch.manual_seed(0)
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 6, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2, 2),
        torch.nn.Conv2d(6, 16, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2, 2),
        torch.nn.Flatten(),
        torch.nn.Linear(400, 120), torch.nn.ReLU(),
        torch.nn.Linear(120, 84), torch.nn.ReLU(),
        torch.nn.Linear(84, 10),
    )
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    x = torch.rand(64, 1, 28, 28)
    y = torch.randint(0, 10, (64,))

    def run():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    return run


MAKERS = {
    "op-chain": op_chain,
    "mlp-step": lambda data: mlp_step(data),
    "matmul-512": lambda: matmul(512),
    "matmul-1024": lambda: matmul(1024),
    "rng-uniform-1e7": lambda: rng("uniform"),
    "rng-normal-1e7": lambda: rng("normal"),
    "xavier-4096": xavier,
    "lenet-step": lenet_step,
}


def main():
    """Serves one JSON request a line: {"setup": name, "data": folder} or {"run": name}."""
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    runs = {}
    for line in sys.stdin:
        req = json.loads(line)
        try:
            if "setup" in req:
                name = req["setup"]
                if name not in MAKERS:
                    reply = {"error": f"no PyTorch version of {name}"}
                else:
                    maker = MAKERS[name]
                    runs[name] = maker(req["data"]) if name == "mlp-step" else maker()
                    reply = {"ok": True}
            else:
                fn = runs[req["run"]]
                t0 = time.perf_counter()
                out = fn()
                reply = {"ms": (time.perf_counter() - t0) * 1000, "out": out}
        except Exception as e:  # reported as the row's reason, the server keeps serving
            reply = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
