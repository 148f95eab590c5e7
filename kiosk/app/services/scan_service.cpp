#include "kiosk/app/services/scan_service.hpp"

#include <algorithm>

#include <time.h>

#include <spdlog/spdlog.h>

#include "kiosk/core/scan/image_ops.hpp"

namespace kiosk::app {

namespace {
using Clock = std::chrono::steady_clock;
constexpr std::size_t kMedianWindow = 64;

/// CPU time of the calling thread: the decode budget is about what a frame costs the core, not
/// about how long the scheduler kept the decoder waiting.
std::chrono::nanoseconds threadCpuTime() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

double medianOf(std::vector<double> v) {
    if (v.empty()) return 0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}
}  // namespace

ScanService::ScanService(ScanServiceOptions options, ReadFn read, OnScan onScan, OnPreview onPreview)
    : m_options(std::move(options)),
      m_read(std::move(read)),
      m_onScan(std::move(onScan)),
      m_onPreview(std::move(onPreview)),
      m_throttle(m_options.repeatInterval) {}

ScanService::~ScanService() { stop(); }

void ScanService::setCamera(std::unique_ptr<platform::FrameSource> camera) {
    stop();
    m_camera = std::move(camera);
}

void ScanService::addScanner(std::unique_ptr<platform::CodeScanner> scanner) {
    stop();
    if (scanner) m_scanners.push_back(std::move(scanner));
}

void ScanService::start() {
    stop();
    m_mailbox.reopen();
    if (m_camera) {
        m_decoder = std::jthread([this](std::stop_token stop) { decodeLoop(stop); });
        m_camera->start(m_mailbox);
        spdlog::info("scan: camera {}", m_camera->describe());
    }
    for (auto& s : m_scanners) {
        s->start([this](const std::string& code) { report(code, ScanSource::Scanner, Clock::now()); });
        spdlog::info("scan: {}", s->describe());
    }
}

void ScanService::stop() {
    for (auto& s : m_scanners) s->stop();
    if (m_camera) m_camera->stop();
    if (m_decoder.joinable()) {
        m_decoder.request_stop();
        m_mailbox.close();
        m_decoder.join();
    }
}

void ScanService::submitText(std::string_view raw, ScanSource source, Clock::time_point arrival) {
    report(std::string{raw}, source, arrival);
}

void ScanService::report(const std::string& raw, ScanSource source, Clock::time_point arrival) {
    {
        std::lock_guard lock(m_throttleMutex);
        if (!m_throttle.pass(raw, Clock::now())) return;
    }
    ScanEvent event;
    event.reading = m_read ? m_read(raw) : core::ReceiptReading{core::NotAReceipt{core::NotReceiptReason::Empty}};
    event.source = source;
    event.arrival = arrival;
    event.reported = Clock::now();
    {
        std::lock_guard lock(m_snapshotMutex);
        ++m_stats.scansReported;
    }
    if (m_onScan) m_onScan(std::move(event));
}

void ScanService::decodeLoop(std::stop_token stop) {
    core::DecodePipelineOptions pipelineOptions = m_options.pipeline;
    if (!pipelineOptions.clock) pipelineOptions.clock = threadCpuTime;
    core::DecodePipeline pipeline(std::move(pipelineOptions));
    platform::Frame frame;
    std::vector<double> recent;
    recent.reserve(kMedianWindow);
    std::size_t recentNext = 0;
    Clock::time_point lastPreview{};
    const auto previewPeriod = m_options.previewFps > 0
                                   ? std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_options.previewFps))
                                   : Clock::duration::max();
    core::LumaImage previewScratch;

    while (!stop.stop_requested()) {
        if (!m_mailbox.take(frame, std::chrono::milliseconds(200))) continue;
        const auto cpu0 = threadCpuTime();
        const auto found = pipeline.decodeFrame(frame.image.view());
        const auto t1 = Clock::now();
        const auto cpu = threadCpuTime() - cpu0;
        const double ms = std::chrono::duration<double, std::milli>(cpu).count();
        const bool skipped = !found && pipeline.extraPassesLastFrame() == 0;
        if (recent.size() < kMedianWindow) {
            recent.push_back(ms);
        } else {
            recent[recentNext] = ms;
            recentNext = (recentNext + 1) % kMedianWindow;
        }

        // Preview at a limited rate: downscale outside the lock, swap in under it.
        bool notify = false;
        if (m_options.previewFps > 0 && t1 - lastPreview >= previewPeriod) {
            lastPreview = t1;
            core::downscaleToFitInto(frame.image.view(), m_options.previewMaxWidth, m_options.previewMaxHeight, previewScratch);
            std::lock_guard lock(m_snapshotMutex);
            std::swap(m_preview.image, previewScratch);
            m_preview.sourceWidth = frame.image.width;
            m_preview.sourceHeight = frame.image.height;
            ++m_preview.sequence;
            notify = true;
        }
        // The scan first, then the count: a frame counted as decoded has its scan posted (the soak
        // waits on the count after taking a receipt away).
        if (found) report(found->text, ScanSource::Camera, frame.arrival);
        {
            std::lock_guard lock(m_snapshotMutex);
            ++m_stats.framesDecoded;
            if (skipped) ++m_stats.extraPassesSkipped;
            m_stats.lastDecodeMs = ms;
            m_stats.medianDecodeMs = medianOf(recent);
            if (found) {
                DetectionOutline outline;
                for (std::size_t i = 0; i < 4; ++i) {
                    outline.points[i] = {found->outline[i].x / static_cast<float>(frame.image.width),
                                         found->outline[i].y / static_cast<float>(frame.image.height)};
                }
                outline.seen = t1;
                outline.frameSequence = frame.sequence;
                m_lastDetection = outline;
                notify = true;
            }
        }
        if (notify && m_onPreview) m_onPreview();
    }
}

bool ScanService::latestPreview(PreviewFrame& out) const {
    std::lock_guard lock(m_snapshotMutex);
    if (m_preview.sequence == out.sequence || m_preview.image.pixels.empty()) return false;
    out.image.width = m_preview.image.width;
    out.image.height = m_preview.image.height;
    out.image.pixels.assign(m_preview.image.pixels.begin(), m_preview.image.pixels.end());
    out.sourceWidth = m_preview.sourceWidth;
    out.sourceHeight = m_preview.sourceHeight;
    out.sequence = m_preview.sequence;
    return true;
}

std::optional<DetectionOutline> ScanService::lastDetection() const {
    std::lock_guard lock(m_snapshotMutex);
    return m_lastDetection;
}

platform::CameraStatus ScanService::cameraStatus() const {
    if (!m_camera) return {platform::CameraStatus::State::Missing, "no camera configured"};
    return m_camera->status();
}

std::vector<platform::CameraStatus> ScanService::scannerStatuses() const {
    std::vector<platform::CameraStatus> out;
    out.reserve(m_scanners.size());
    for (const auto& s : m_scanners) out.push_back(s->status());
    return out;
}

ScanStats ScanService::stats() const {
    std::lock_guard lock(m_snapshotMutex);
    ScanStats s = m_stats;
    s.framesPublished = m_mailbox.published();
    s.framesDropped = m_mailbox.dropped();
    return s;
}

}  // namespace kiosk::app
