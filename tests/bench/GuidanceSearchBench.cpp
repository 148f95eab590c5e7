// How long guidance search takes on the bundled catalog: it runs on every frame while the citizen
// types, so a query must cost a small fraction of a 16 ms frame. Figures only, never pass/fail.

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/guidance/guidance_search.hpp"

using namespace kiosk::core::guidance;

namespace {

const GuidanceCatalog& catalog() {
    static const GuidanceCatalog c = [] {
        auto loaded = loadCatalog(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/guidance");
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return loaded->catalog;
    }();
    return c;
}

void BM_GuidanceLoadCatalog(benchmark::State& state) {
    for (auto _ : state) {
        auto loaded = loadCatalog(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/guidance");
        benchmark::DoNotOptimize(loaded);
    }
}
BENCHMARK(BM_GuidanceLoadCatalog)->Unit(benchmark::kMillisecond);

void BM_GuidanceBuildIndex(benchmark::State& state) {
    for (auto _ : state) {
        GuidanceSearchIndex index(catalog());
        benchmark::DoNotOptimize(index);
    }
}
BENCHMARK(BM_GuidanceBuildIndex)->Unit(benchmark::kMicrosecond);

void BM_GuidanceSearch(benchmark::State& state, const char* query) {
    GuidanceSearchIndex index(catalog());
    for (auto _ : state) {
        auto hits = index.search(query);
        benchmark::DoNotOptimize(hits);
    }
}
BENCHMARK_CAPTURE(BM_GuidanceSearch, exact, "ly lich tu phap")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GuidanceSearch, prefix, "dang ky th")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GuidanceSearch, typo, "thuogn tru")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GuidanceSearch, nomatch, "xyzzy qwerty plugh")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GuidanceSearch, long_query, "Đăng ký biến động đất đai sang tên sổ đỏ")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
