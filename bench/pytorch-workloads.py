"""The bench's workloads in PyTorch, one thread, for `pnpm bench` (bench/pytorch.mjs runs it).

Reads a JSON config on stdin: {"workloads": [...], "warmup": n, "runs": n, "data": folder}
where folder holds the MLP's inputs as raw little-endian files (x, labels, w1, b1, w2, b2).
Prints one JSON object: {"torch": version, "rows": [...], "losses": {...}}.
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def timed(fn, warmup, runs):
    first = None
    for i in range(warmup):
        out = fn()
        if i == 0:
            first = out
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        samples.append((time.perf_counter() - t0) * 1000)
        if first is None:
            first = out
    return samples, first


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
        return float(loss)

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
        return float(loss)

    return run


def main():
    cfg = json.load(sys.stdin)
    makers = {
        "op-chain": op_chain,
        "mlp-step": lambda: mlp_step(cfg["data"]),
        "matmul-512": lambda: matmul(512),
        "matmul-1024": lambda: matmul(1024),
        "rng-uniform-1e7": lambda: rng("uniform"),
        "rng-normal-1e7": lambda: rng("normal"),
        "xavier-4096": xavier,
        "lenet-step": lenet_step,
    }
    rows = []
    firsts = {}
    for name in cfg["workloads"]:
        if name not in makers:
            continue
        samples, first = timed(makers[name](), cfg["warmup"], cfg["runs"])
        samples.sort()
        mid = len(samples) // 2
        med = samples[mid] if len(samples) % 2 else (samples[mid - 1] + samples[mid]) / 2
        rows.append({
            "workload": name, "impl": "pytorch", "backend": "libtorch",
            "median_ms": med, "min_ms": samples[0], "max_ms": samples[-1], "runs": len(samples),
        })
        firsts[name] = first
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "rows": rows, "firsts": firsts}))


if __name__ == "__main__":
    main()
