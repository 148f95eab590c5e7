#include "platform/common/camera_synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "kiosk/core/scan/code_render.hpp"
#include "platform/common/device_thread.hpp"

namespace platform {

kiosk::core::LumaImage renderSyntheticFrame(const SyntheticCameraOptions& o, int index) {
    using namespace kiosk::core;
    LumaImage frame;
    const int w = std::max(16, o.width);
    const int h = std::max(16, o.height);
    frame.resize(w, h);
    std::mt19937 rng(o.seed * 7919u + static_cast<unsigned>(index));
    // A lit desk: gentle horizontal gradient, plus a paper-white receipt in the middle.
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) frame.pixels[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(90 + 40 * x / w);
    const int pw = w * 2 / 5, ph = h * 4 / 5;
    const int px = (w - pw) / 2, py = (h - ph) / 2;
    for (int y = py; y < py + ph; ++y) std::fill_n(frame.pixels.begin() + static_cast<std::ptrdiff_t>(y) * w + px, pw, std::uint8_t{225});
    // Text lines on the receipt.
    std::uniform_int_distribution<int> word(8, std::max(9, pw / 8));
    for (int y = py + 12; y + 6 < py + ph / 3; y += 14) {
        for (int x = px + 10; x + 20 < px + pw;) {
            const int len = word(rng);
            for (int yy = y; yy < y + 6; ++yy)
                std::fill_n(frame.pixels.begin() + static_cast<std::ptrdiff_t>(yy) * w + x, std::min(len, px + pw - 10 - x), std::uint8_t{60});
            x += len + 6;
        }
    }
    if (!o.text.empty()) {
        CodeRenderOptions ro;
        ro.modulePixels = std::max(1, o.modulePixels);
        ro.light = 225;
        if (auto code = renderCode(o.text, Symbology::QrCode, ro)) {
            // Hand-held jitter: a few pixels per variant.
            std::uniform_int_distribution<int> jitter(-6, 6);
            blit(code->view(), frame, (w - code->width) / 2 + jitter(rng), py + ph / 3 + 10 + jitter(rng));
        }
    }
    std::normal_distribution<double> noise(0, std::max(0.0, o.noiseSigma));
    if (o.noiseSigma > 0) {
        for (auto& p : frame.pixels) p = static_cast<std::uint8_t>(std::clamp(std::lround(p + noise(rng)), 0L, 255L));
    }
    return frame;
}

namespace {

using State = CameraStatus::State;

class SyntheticCamera final : public FrameSource {
public:
    explicit SyntheticCamera(SyntheticCameraOptions options) : m_options(std::move(options)) {}
    ~SyntheticCamera() override { stop(); }

    void start(FrameMailbox& mailbox) override {
        m_thread.start("rendering frames", [this, &mailbox](std::stop_token stop) { run(stop, mailbox); });
    }

    void stop() override { m_thread.stop(); }

    [[nodiscard]] CameraStatus status() const override { return m_thread.status().get(); }

    [[nodiscard]] std::string describe() const override {
        return "synthetic " + std::to_string(m_options.width) + "x" + std::to_string(m_options.height) + "@" +
               std::to_string(m_options.fps) + (m_options.text.empty() ? " (no code)" : " (with code)");
    }

private:
    void run(std::stop_token stop, FrameMailbox& mailbox) {
        std::vector<kiosk::core::LumaImage> frames;
        for (int i = 0; i < std::max(1, m_options.variants) && !stop.stop_requested(); ++i) {
            frames.push_back(renderSyntheticFrame(m_options, i));
        }
        m_thread.status().set(State::Running, describe());
        const double fps = m_options.fps > 0 ? std::min(m_options.fps, 240.0) : 15.0;
        const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(1.0 / fps));
        auto next = std::chrono::steady_clock::now();
        for (std::size_t i = 0; !stop.stop_requested(); ++i) {
            mailbox.publish(frames[i % frames.size()].view(), std::chrono::steady_clock::now());
            next += period;
            if (!detail::sleepUnlessStopped(stop, next - std::chrono::steady_clock::now())) return;
        }
    }

    SyntheticCameraOptions m_options;
    detail::DeviceThread m_thread;  // last: joined before the options it reads go away
};

}  // namespace

std::unique_ptr<FrameSource> makeSyntheticCamera(SyntheticCameraOptions options) {
    return std::make_unique<SyntheticCamera>(std::move(options));
}

SyntheticCameraOptions syntheticCameraOptions(const kiosk::core::CameraSettings& settings) {
    SyntheticCameraOptions o;
    o.width = settings.width;
    o.height = settings.height;
    o.fps = settings.fps;
    return o;
}

}  // namespace platform
