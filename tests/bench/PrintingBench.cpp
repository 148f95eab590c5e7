// Render + encode a status slip (target: under 30 ms on one core). The renderer is built once, as
// the kiosk does at startup; each iteration lays out, rasterises (glyph cache per render) and
// encodes the ESC/POS job.
#include <benchmark/benchmark.h>

#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/slip/status_slip.hpp"
#include "tests/support/slip_samples.hpp"

namespace {

void renderAndEncode(benchmark::State& state, int width) {
    const kiosk::test::NotoFonts fonts;
    const auto renderer = fonts.renderer();
    const auto sample = kiosk::test::statusSamples().at(4);
    for (auto _ : state) {
        auto slip = kiosk::core::slip::buildStatusSlip(sample.answer, sample.input);
        auto r = renderer.render(slip, {.paperWidthDots = width});
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            return;
        }
        auto job = kiosk::core::escpos::encodeJob(r->raster);
        benchmark::DoNotOptimize(job.data());
    }
}

void BM_StatusSlipRenderEncode58mm(benchmark::State& state) {
    renderAndEncode(state, 384);
}
void BM_StatusSlipRenderEncode80mm(benchmark::State& state) {
    renderAndEncode(state, 576);
}

void BM_StatusSlipEncodeOnly(benchmark::State& state) {
    const kiosk::test::NotoFonts fonts;
    const auto sample = kiosk::test::statusSamples().at(4);
    auto r = fonts.renderer().render(kiosk::core::slip::buildStatusSlip(sample.answer, sample.input));
    for (auto _ : state) {
        auto job = kiosk::core::escpos::encodeJob(r->raster);
        benchmark::DoNotOptimize(job.data());
    }
}

}  // namespace

BENCHMARK(BM_StatusSlipRenderEncode58mm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StatusSlipRenderEncode80mm)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StatusSlipEncodeOnly)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
