// A prototype, not part of MXTS: OpenBLAS's sgemm and saxpy on Float32Arrays through N-API,
// to measure what a native CPU backend over a BLAS could reach (issue 13 item 4).
// Build: see build.sh (one g++ line).
#include <cblas.h>
#include <node_api.h>

static float *floats(napi_env env, napi_value v) {
  void *data;
  size_t length;
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  napi_get_typedarray_info(env, v, &type, &length, &data, &buffer, &offset);
  return static_cast<float *>(data);
}

static int32_t integer(napi_env env, napi_value v) {
  int32_t i;
  napi_get_value_int32(env, v, &i);
  return i;
}

// sgemm(transA, transB, m, n, k, alpha, a, b, beta, c): c = alpha op(a) op(b) + beta c, row-major.
static napi_value Sgemm(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value a[10];
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  double alpha, beta;
  napi_get_value_double(env, a[5], &alpha);
  napi_get_value_double(env, a[8], &beta);
  const int m = integer(env, a[2]), n = integer(env, a[3]), k = integer(env, a[4]);
  const bool ta = integer(env, a[0]) != 0, tb = integer(env, a[1]) != 0;
  cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n,
              k, static_cast<float>(alpha), floats(env, a[6]), ta ? m : k, floats(env, a[7]),
              tb ? k : n, static_cast<float>(beta), floats(env, a[9]), n);
  return nullptr;
}

// saxpy(n, alpha, x, y): y += alpha x (the SGD update, in place).
static napi_value Saxpy(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value a[4];
  napi_get_cb_info(env, info, &argc, a, nullptr, nullptr);
  double alpha;
  napi_get_value_double(env, a[1], &alpha);
  cblas_saxpy(integer(env, a[0]), static_cast<float>(alpha), floats(env, a[2]), 1,
              floats(env, a[3]), 1);
  return nullptr;
}

static napi_value Init(napi_env env, napi_value exports) {
  openblas_set_num_threads(1);  // one thread, as the PyTorch rows
  napi_property_descriptor props[] = {
      {"sgemm", nullptr, Sgemm, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"saxpy", nullptr, Saxpy, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, 2, props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
