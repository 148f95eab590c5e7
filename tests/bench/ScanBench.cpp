// Scanning benchmarks, side by side with ZXing-C++ and zbar in one run. Figures only, never
// pass/fail (docs/performance.md#scanning has the figures and how they were taken).
//
// Per-frame figures are the decoding thread's CPU time (CLOCK_THREAD_CPUTIME_ID), reported as
// median / p95 / max counters (Google Benchmark's own Time column is a mean). Latencies are wall
// time. Frames are the synthetic camera's receipt (platform::renderSyntheticFrame) lit by a lamp on
// one side (brightness falling 35 % across the frame) with uniform sensor noise of +-noise_pm grey
// levels: 5 (sigma 2.9, an office) and 20 (sigma 11.5, the dim lobby of the issue).
//
// Our flags (the rest go to Google Benchmark): --scan_seconds=N (CPU-share runs, default 10),
// --latency_runs=N (default 40), --camera_frames=N (frames timed at least by BM_CameraFrame,
// default 300), --read_rate_verbose (one line per image of the read-rate set).
//
// Index:
//   [SECTION] Frames and timing helpers
//   [SECTION] Per frame: ZXing, zbar, the fast pass, the camera frame, a still image
//   [SECTION] Read rate on the decode set, per category
//   [SECTION] The scanning path at 15 fps: CPU share and latency
//   [SECTION] Registration and main

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <numbers>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <time.h>

#include <ZXing/ReadBarcode.h>

#include "kiosk/app/services/scan_service.hpp"
#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/scan/image_ops.hpp"
#include "platform/fake/fake_camera.hpp"
#include "platform/common/camera_synthetic.hpp"
#include "zbar_reader.hpp"

namespace {

using namespace kiosk;
using Clock = std::chrono::steady_clock;

double g_scanSeconds = 10;
int g_latencyRuns = 40;
std::size_t g_cameraFrames = 300;
bool g_readRateVerbose = false;

// [SECTION] Frames and timing helpers -------------------------------------------------------------

/// Light falling off across the frame, then uniform noise of +-amplitude (sigma amplitude/sqrt 3).
void lightAndNoise(core::LumaImage& img, int amplitude, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> noise(-amplitude, amplitude);
    for (int y = 0; y < img.height; ++y) {
        for (int x = 0; x < img.width; ++x) {
            auto& p = img.pixels[static_cast<std::size_t>(y) * img.width + x];
            const double lit = p * (1.0 - 0.35 * x / img.width);
            p = static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(lit)) + noise(rng), 0, 255));
        }
    }
}

/// A noise-free synthetic camera frame: desk, receipt, and (when `code`) the receipt's QR code,
/// with modules growing with resolution as a receipt at the same distance would.
core::LumaImage cleanFrame(int w, int h, bool code, int variant) {
    platform::SyntheticCameraOptions o;
    o.width = w;
    o.height = h;
    o.noiseSigma = 0;
    o.modulePixels = std::max(3, h / 150);
    if (!code) o.text.clear();
    return platform::renderSyntheticFrame(o, variant);
}

/// A webcam frame: cleanFrame, lit from one side, with noise.
core::LumaImage webcamFrame(int w, int h, bool code, int noise, int variant) {
    core::LumaImage f = cleanFrame(w, h, code, variant);
    lightAndNoise(f, noise, static_cast<unsigned>(variant) * 7919u + static_cast<unsigned>(noise));
    return f;
}

/// Distinct noisy frames cycled by the per-frame benchmarks (the code jitters between them).
std::vector<core::LumaImage> webcamFrames(int w, int h, bool code, int noise, int count = 8) {
    std::vector<core::LumaImage> frames;
    for (int i = 0; i < count; ++i) frames.push_back(webcamFrame(w, h, code, noise, i));
    return frames;
}

/// CPU time of the calling thread: "ms per frame on one core", unaffected by other processes
/// competing for the CPU (the machine that produced the documented figures was shared).
std::chrono::nanoseconds threadCpu() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

/// Per-iteration timings -> median / p95 / max counters (milliseconds).
class Timings {
public:
    template <class Duration>
    void add(Duration d) { m_ms.push_back(std::chrono::duration<double, std::milli>(d).count()); }
    [[nodiscard]] std::size_t size() const { return m_ms.size(); }
    void report(benchmark::State& state, const std::string& prefix = "") {
        if (m_ms.empty()) return;
        std::sort(m_ms.begin(), m_ms.end());
        state.counters[prefix + "median_ms"] = m_ms[m_ms.size() / 2];
        state.counters[prefix + "p95_ms"] = m_ms[std::min(m_ms.size() - 1, m_ms.size() * 95 / 100)];
        state.counters[prefix + "max_ms"] = m_ms.back();
        state.counters[prefix + "samples"] = static_cast<double>(m_ms.size());
    }

private:
    std::vector<double> m_ms;
};

ZXing::ImageView zxView(const core::LumaImage& img) { return {img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum}; }

/// ZXing's camera settings in other kiosks: QR and Code 128, no tryHarder, no tryRotate.
ZXing::DecodeHints zxingFastHints() {
    ZXing::DecodeHints h;
    h.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128).setTryHarder(false).setTryRotate(false).setTryDownscale(false);
    return h;
}

// [SECTION] Per frame: ZXing, zbar, the fast pass, the camera frame, a still image -----------------

struct FrameArgs {
    int w, h;
    bool code;
    int noise;
};

FrameArgs frameArgs(const benchmark::State& state) {
    return {static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0, static_cast<int>(state.range(3))};
}

/// Runs `decode` on the frames in turn, one per iteration, timing each with the thread CPU clock.
/// At least `minFrames` are timed, so the p95 of short CI runs still means something.
template <class Decode>
void perFrame(benchmark::State& state, const std::vector<core::LumaImage>& frames, Decode&& decode, std::size_t minFrames = 1) {
    Timings t;
    std::size_t n = 0;
    int found = 0;
    auto once = [&] {
        const auto t0 = threadCpu();
        const bool ok = decode(frames[n % frames.size()]);
        t.add(threadCpu() - t0);
        found += ok;
        ++n;
    };
    for (auto _ : state) once();
    while (n < minFrames) once();
    t.report(state);
    state.counters["found_pct"] = 100.0 * found / static_cast<double>(n);
}

/// The baseline: ZXing's ReadBarcode with default hints (every format, tryHarder, tryRotate,
/// tryDownscale).
void BM_ZxingDefaults(benchmark::State& state) {
    const auto a = frameArgs(state);
    const auto frames = webcamFrames(a.w, a.h, a.code, a.noise);
    perFrame(state, frames, [](const core::LumaImage& f) { return ZXing::ReadBarcode(zxView(f)).isValid(); });
}

void BM_ZxingFast(benchmark::State& state) {
    const auto a = frameArgs(state);
    const auto frames = webcamFrames(a.w, a.h, a.code, a.noise);
    const auto hints = zxingFastHints();
    perFrame(state, frames, [&](const core::LumaImage& f) { return ZXing::ReadBarcode(zxView(f), hints).isValid(); });
}

/// zbar with its defaults (QR and Code 128 enabled; no inverted retry).
void BM_Zbar(benchmark::State& state) {
    const auto a = frameArgs(state);
    const auto frames = webcamFrames(a.w, a.h, a.code, a.noise);
    perFrame(state, frames, [](const core::LumaImage& f) { return kiosk::test::zbarRead(f.pixels.data(), f.width, f.height, false).has_value(); });
}

void BM_FastPass(benchmark::State& state) {
    const auto a = frameArgs(state);
    const auto frames = webcamFrames(a.w, a.h, a.code, a.noise);
    core::DecodePipeline pipeline;
    perFrame(state, frames, [&](const core::LumaImage& f) { return pipeline.runPass(core::DecodePass::Fast, f.view()).has_value(); });
}

/// What the decoder thread does per frame: the fast pass and whatever extra passes the CPU budget
/// admits (the pipeline reads the same thread CPU clock as in the kiosk). --camera_frames or more.
void BM_CameraFrame(benchmark::State& state) {
    const auto a = frameArgs(state);
    const auto frames = webcamFrames(a.w, a.h, a.code, a.noise);
    core::DecodePipelineOptions options;
    options.clock = threadCpu;
    core::DecodePipeline pipeline(options);
    int extra = 0;
    perFrame(state, frames, [&](const core::LumaImage& f) {
        const bool found = pipeline.decodeFrame(f.view()).has_value();
        extra += pipeline.extraPassesLastFrame();
        return found;
    }, g_cameraFrames);
    state.counters["extra_passes_per_frame"] = static_cast<double>(extra) / std::max(1.0, state.counters["samples"].value);
}

/// Every pass on one frame: what `kiosk scan-image` does.
void BM_StillImage(benchmark::State& state) {
    const auto a = frameArgs(state);
    const auto frames = webcamFrames(a.w, a.h, a.code, a.noise, 2);
    core::DecodePipeline pipeline;
    perFrame(state, frames, [&](const core::LumaImage& f) { return pipeline.decodeStill(f.view()).has_value(); });
}

/// One camera pass on a 1280x720 frame without a code, dim-lobby noise.
void BM_Pass(benchmark::State& state) {
    const auto pass = static_cast<core::DecodePass>(state.range(0));
    state.SetLabel(std::string{core::toString(pass)});
    const auto frames = webcamFrames(1280, 720, false, 20, 4);
    core::DecodePipeline pipeline;
    perFrame(state, frames, [&](const core::LumaImage& f) { return pipeline.runPass(pass, f.view()).has_value(); }, 20);
}

// [SECTION] Read rate on the decode set, per category ---------------------------------------------

/// What each decoder made of one image of tests/data/scan.
struct ImageResult {
    std::string name;
    std::string category;  ///< the case name up to its first '-'
    bool hasCode = false;
    // Per decoder: read the expected text / reported anything else (a wrong text, or a code in an
    // image without one).
    bool kiosk = false, kioskFalse = false;
    bool zxing = false, zxingFalse = false;
    bool zxingFast = false, zxingFastFalse = false;
    bool zbar = false, zbarFalse = false;
    bool zbarInverted = false, zbarInvertedFalse = false;
    double kioskMs = 0;  ///< decodeStill, thread CPU
};

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Decodes the whole set once (the first read-rate benchmark pays for it).
const std::vector<ImageResult>& readRateResults() {
    static const std::vector<ImageResult> results = [] {
        std::vector<ImageResult> out;
        const std::filesystem::path dir = std::filesystem::path(KIOSK_TEST_DATA_DIR) / "scan";
        std::vector<std::filesystem::path> images;
        for (const auto& e : std::filesystem::directory_iterator(dir)) {
            if (e.path().extension() == ".png" || e.path().extension() == ".jpg") images.push_back(e.path());
        }
        std::sort(images.begin(), images.end());
        core::DecodePipeline pipeline;
        for (const auto& path : images) {
            const std::string bytes = readFile(path);
            auto img = core::decodeImage({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
            if (!img) continue;
            const std::string expected = readFile(std::filesystem::path(path).replace_extension(".txt"));
            ImageResult r;
            r.name = path.stem().string();
            r.category = r.name.substr(0, r.name.find('-'));
            r.hasCode = !expected.empty();
            auto judge = [&](const std::optional<std::string>& text, bool& ok, bool& wrong) {
                ok = text && r.hasCode && *text == expected;
                wrong = text && !ok;
            };
            const auto t0 = threadCpu();
            const auto found = pipeline.decodeStill(img->view());
            r.kioskMs = std::chrono::duration<double, std::milli>(threadCpu() - t0).count();
            judge(found ? std::optional<std::string>(found->text) : std::nullopt, r.kiosk, r.kioskFalse);
            const auto zx = ZXing::ReadBarcode(zxView(*img));
            judge(zx.isValid() ? std::optional<std::string>(zx.text()) : std::nullopt, r.zxing, r.zxingFalse);
            const auto zxFast = ZXing::ReadBarcode(zxView(*img), zxingFastHints());
            judge(zxFast.isValid() ? std::optional<std::string>(zxFast.text()) : std::nullopt, r.zxingFast, r.zxingFastFalse);
            judge(kiosk::test::zbarRead(img->pixels.data(), img->width, img->height, false), r.zbar, r.zbarFalse);
            judge(kiosk::test::zbarRead(img->pixels.data(), img->width, img->height, true), r.zbarInverted, r.zbarInvertedFalse);
            if (g_readRateVerbose) {
                std::printf("%-40s %5dx%-5d kiosk %d (%.0f ms)  zxing %d  zxing_fast %d  zbar %d  zbar_inverted %d%s\n", r.name.c_str(),
                            img->width, img->height, r.kiosk, r.kioskMs, r.zxing, r.zxingFast, r.zbar, r.zbarInverted,
                            (r.kioskFalse || r.zxingFalse || r.zxingFastFalse || r.zbarFalse || r.zbarInvertedFalse) ? "  FALSE READ" : "");
            }
            out.push_back(std::move(r));
        }
        return out;
    }();
    return results;
}

/// One category ("all" for the whole set): images with a code read by each decoder, and false
/// reads (a wrong text, or a code reported in an image without one).
void BM_ReadRate(benchmark::State& state, const std::string& category) {
    for (auto _ : state) benchmark::DoNotOptimize(readRateResults().size());
    double images = 0, kiosk = 0, zxing = 0, zxingFast = 0, zbar = 0, zbarInverted = 0, either = 0, falseReads = 0, othersFalse = 0, negatives = 0;
    std::vector<double> ms;
    for (const auto& r : readRateResults()) {
        if (category != "all" && r.category != category) continue;
        ms.push_back(r.kioskMs);
        falseReads += r.kioskFalse;
        othersFalse += r.zxingFalse + r.zxingFastFalse + r.zbarFalse + r.zbarInvertedFalse;
        if (!r.hasCode) {
            ++negatives;
            continue;
        }
        ++images;
        kiosk += r.kiosk;
        zxing += r.zxing;
        zxingFast += r.zxingFast;
        zbar += r.zbar;
        zbarInverted += r.zbarInverted;
        either += r.zxing || r.zbar || r.zbarInverted;
    }
    state.counters["images"] = images;
    state.counters["no_code"] = negatives;
    state.counters["kiosk"] = kiosk;
    state.counters["zxing_fast"] = zxingFast;
    state.counters["zxing_defaults"] = zxing;
    state.counters["zbar"] = zbar;
    state.counters["zbar_inv"] = zbarInverted;
    state.counters["zxing_or_zbar"] = either;
    state.counters["kiosk_false"] = falseReads;
    state.counters["others_false"] = othersFalse;
    std::sort(ms.begin(), ms.end());
    if (!ms.empty()) {
        state.counters["still_median_ms"] = ms[ms.size() / 2];
        state.counters["still_max_ms"] = ms.back();
    }
}

// [SECTION] The scanning path at 15 fps: CPU share and latency --------------------------------------

double processCpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    auto s = [](timeval tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; };
    return s(ru.ru_utime) + s(ru.ru_stime);
}

core::ReceiptReading anyText(std::string_view) { return core::ReceiptReading{core::NotAReceipt{}}; }

/// The whole scanning path at 15 fps 1280x720 (a fake camera fed by this thread, the mailbox, the
/// decoder thread with its budget, the preview and dedupe): process CPU time / wall time.
void BM_CpuShare15fps(benchmark::State& state) {
    const bool code = state.range(0) != 0;
    const int noise = static_cast<int>(state.range(1));
    const auto frames = webcamFrames(1280, 720, code, noise);
    for (auto _ : state) {
        app::ScanService service({}, anyText, [](app::ScanEvent) {});
        auto owned = std::make_unique<platform::FakeCamera>();
        platform::FakeCamera* camera = owned.get();
        service.setCamera(std::move(owned));
        service.start();
        const auto period = std::chrono::microseconds(66'667);
        auto next = Clock::now();
        std::size_t i = 0;
        auto feed = [&](double seconds) {
            const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
            while (Clock::now() < end) {
                camera->push(frames[i++ % frames.size()].view(), Clock::now());
                next += period;
                std::this_thread::sleep_until(next);
            }
        };
        feed(0.5);  // warm: buffers sized, pass costs estimated
        const double cpu0 = processCpuSeconds();
        const auto wall0 = Clock::now();
        const auto before = service.stats();
        feed(g_scanSeconds);
        const double cpu = processCpuSeconds() - cpu0;
        const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
        const auto after = service.stats();
        service.stop();
        state.counters["cpu_pct_of_one_core"] = 100.0 * cpu / wall;
        state.counters["frames_per_s"] = static_cast<double>(after.framesDecoded - before.framesDecoded) / wall;
        state.counters["dropped"] = static_cast<double>(after.framesDropped - before.framesDropped);
        state.counters["median_decode_ms"] = after.medianDecodeMs;
        state.counters["no_room_frames"] = static_cast<double>(after.extraPassesSkipped - before.extraPassesSkipped);
    }
}

enum class LatencyCase { Plain, Inverted, Rotated45, Code128Vertical, Code128Inverted };

const char* latencyLabel(LatencyCase c) {
    switch (c) {
        case LatencyCase::Plain: return "QR";
        case LatencyCase::Inverted: return "inverted QR";
        case LatencyCase::Rotated45: return "QR rotated 45 degrees";
        case LatencyCase::Code128Vertical: return "Code 128 on its side";
        case LatencyCase::Code128Inverted: return "inverted Code 128 on its side";
    }
    return "";
}

/// `src` turned by `degrees` about its centre (bilinear; corners filled with the edge colour).
core::LumaImage rotated(const core::LumaImage& src, double degrees) {
    core::LumaImage out;
    out.resize(src.width, src.height);
    const double c = std::cos(degrees * std::numbers::pi / 180), s = std::sin(degrees * std::numbers::pi / 180);
    const double cx = src.width / 2.0, cy = src.height / 2.0;
    for (int y = 0; y < src.height; ++y) {
        for (int x = 0; x < src.width; ++x) {
            const double sx = std::clamp(cx + c * (x - cx) + s * (y - cy), 0.0, src.width - 1.001);
            const double sy = std::clamp(cy - s * (x - cx) + c * (y - cy), 0.0, src.height - 1.001);
            const int x0 = static_cast<int>(sx), y0 = static_cast<int>(sy);
            const double fx = sx - x0, fy = sy - y0;
            auto at = [&](int xx, int yy) { return static_cast<double>(src.pixels[static_cast<std::size_t>(yy) * src.width + xx]); };
            const double v = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
            out.pixels[static_cast<std::size_t>(y) * out.width + x] = static_cast<std::uint8_t>(std::lround(v));
        }
    }
    return out;
}

/// The 1280x720 dim-lobby frame (noise +-20) that holds the code of `c`.
core::LumaImage latencyFrame(LatencyCase c) {
    core::LumaImage f;
    if (c == LatencyCase::Code128Vertical || c == LatencyCase::Code128Inverted) {
        // The receipt without its QR code, and its Code 128 (2 px bars) standing on its side.
        f = cleanFrame(1280, 720, false, 0);
        core::CodeRenderOptions o;
        o.modulePixels = 2;
        o.quietModules = 10;
        o.barHeight = 50;
        o.light = 225;
        auto bars = core::renderCode("000.00.06.H56-231027-0361", core::Symbology::Code128, o);
        if (bars) {
            core::LumaImage side;
            side.resize(bars->height, bars->width);
            for (int y = 0; y < bars->height; ++y)
                for (int x = 0; x < bars->width; ++x) side.pixels[static_cast<std::size_t>(x) * side.width + y] = bars->pixels[static_cast<std::size_t>(y) * bars->width + x];
            core::blit(side.view(), f, (1280 - side.width) / 2, (720 - side.height) / 2);
        }
    } else {
        f = cleanFrame(1280, 720, true, 0);
        if (c == LatencyCase::Rotated45) f = rotated(f, 45);
    }
    if (c == LatencyCase::Inverted || c == LatencyCase::Code128Inverted) core::invertInto(f.view(), f);
    lightAndNoise(f, 20, 77);
    return f;
}

/// Frame arrival -> scan event through the real ScanService and its decoder thread, at 15 fps.
/// Each run first feeds a few frames without a code (the schedule is mid-rotation, as in a lobby),
/// then frames with the code until the event arrives: the clock starts at the first of those.
void BM_ScanLatency(benchmark::State& state) {
    const auto c = static_cast<LatencyCase>(state.range(0));
    state.SetLabel(std::string{latencyLabel(c)} + ", 1280x720, noise +-20, 15 fps");
    const core::LumaImage codeFrame = latencyFrame(c);
    const auto idleFrames = webcamFrames(1280, 720, false, 20, 4);

    std::mutex m;
    std::condition_variable cv;
    std::optional<Clock::time_point> reportedAt;
    app::ScanServiceOptions options;
    options.repeatInterval = std::chrono::milliseconds(0);  // every run shows the same code again
    app::ScanService service(options, anyText, [&](app::ScanEvent e) {
        std::lock_guard lock(m);
        reportedAt = e.reported;
        cv.notify_all();
    });
    auto owned = std::make_unique<platform::FakeCamera>();
    platform::FakeCamera* camera = owned.get();
    service.setCamera(std::move(owned));
    service.start();
    const auto period = std::chrono::microseconds(66'667);
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> idleCount(3, 8);
    Timings t;
    int missed = 0;
    for (auto _ : state) {
        for (int run = 0; run < g_latencyRuns; ++run) {
            auto next = Clock::now();
            for (int i = idleCount(rng); i > 0; --i) {
                camera->push(idleFrames[static_cast<std::size_t>(i) % idleFrames.size()].view(), Clock::now());
                next += period;
                std::this_thread::sleep_until(next);
            }
            {
                std::lock_guard lock(m);
                reportedAt.reset();
            }
            const auto first = Clock::now();
            bool seen = false;
            for (int frame = 0; frame < 45 && !seen; ++frame) {  // 3 s at most
                camera->push(codeFrame.view(), Clock::now());
                next += period;
                std::unique_lock lock(m);
                seen = cv.wait_until(lock, next, [&] { return reportedAt.has_value(); });
            }
            std::lock_guard lock(m);
            if (reportedAt) {
                t.add(*reportedAt - first);
            } else {
                ++missed;
            }
        }
    }
    service.stop();
    t.report(state);
    state.counters["missed"] = missed;
}

// [SECTION] Registration and main ---------------------------------------------------------------------

void frameSizes(benchmark::internal::Benchmark* b) {
    for (auto [w, h] : {std::pair{640, 480}, std::pair{1280, 720}, std::pair{1920, 1080}})
        for (int noise : {5, 20})
            for (int code : {0, 1}) b->Args({w, h, code, noise});
    b->ArgNames({"w", "h", "code", "noise_pm"})->Unit(benchmark::kMillisecond);
}

void registerAll() {
    benchmark::RegisterBenchmark("BM_ZxingDefaults", BM_ZxingDefaults)->Apply(frameSizes);
    benchmark::RegisterBenchmark("BM_ZxingFast", BM_ZxingFast)->Apply(frameSizes);
    benchmark::RegisterBenchmark("BM_Zbar", BM_Zbar)->Apply(frameSizes);
    benchmark::RegisterBenchmark("BM_FastPass", BM_FastPass)->Apply(frameSizes);
    benchmark::RegisterBenchmark("BM_CameraFrame", BM_CameraFrame)->Apply(frameSizes);
    benchmark::RegisterBenchmark("BM_StillImage", BM_StillImage)->Apply(frameSizes);
    benchmark::RegisterBenchmark("BM_Pass", BM_Pass)
        ->DenseRange(static_cast<int>(core::DecodePass::TryHarder), static_cast<int>(core::DecodePass::Code128Vertical))
        ->ArgName("pass")
        ->Unit(benchmark::kMillisecond);
    std::vector<std::string> categories{"all"};
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(KIOSK_TEST_DATA_DIR) / "scan")) {
        const std::string name = e.path().stem().string();
        const std::string category = name.substr(0, name.find('-'));
        if (std::find(categories.begin(), categories.end(), category) == categories.end()) categories.push_back(category);
    }
    std::sort(categories.begin() + 1, categories.end());
    for (const auto& category : categories) {
        benchmark::RegisterBenchmark(("BM_ReadRate/" + category).c_str(), [category](benchmark::State& s) { BM_ReadRate(s, category); })
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("BM_CpuShare15fps", BM_CpuShare15fps)
        ->Args({0, 5})
        ->Args({1, 5})
        ->Args({0, 20})
        ->Args({1, 20})
        ->ArgNames({"code", "noise_pm"})
        ->Iterations(1)
        ->UseRealTime()
        ->Unit(benchmark::kSecond);
    benchmark::RegisterBenchmark("BM_ScanLatency", BM_ScanLatency)
        ->DenseRange(static_cast<int>(LatencyCase::Plain), static_cast<int>(LatencyCase::Code128Inverted))
        ->ArgName("case")
        ->Iterations(1)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
    // Take our own flags out before Google Benchmark sees the rest.
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--scan_seconds=", 15) == 0) {
            g_scanSeconds = std::max(0.2, std::atof(argv[i] + 15));
        } else if (std::strncmp(argv[i], "--latency_runs=", 15) == 0) {
            g_latencyRuns = std::max(1, std::atoi(argv[i] + 15));
        } else if (std::strncmp(argv[i], "--camera_frames=", 16) == 0) {
            g_cameraFrames = static_cast<std::size_t>(std::max(1, std::atoi(argv[i] + 16)));
        } else if (std::strcmp(argv[i], "--read_rate_verbose") == 0) {
            g_readRateVerbose = true;
        } else {
            rest.push_back(argv[i]);
        }
    }
    int n = static_cast<int>(rest.size());
    benchmark::Initialize(&n, rest.data());
    if (benchmark::ReportUnrecognizedArguments(n, rest.data())) return 1;
    registerAll();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
