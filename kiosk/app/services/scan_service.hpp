#pragma once
// ScanService: the scanning path from devices to "a receipt was scanned".
//
//   camera capture thread -> FrameMailbox -> decoder thread (DecodePipeline) -+
//   serial / evdev scanner threads ------------------------------------------+-> throttle -> readReceipt
//   keyboard-wedge bursts (UI thread, submitText) ---------------------------+      -> onScan callback
//
// The UI thread never runs any of it: callbacks run on the worker threads and the composition root
// posts them to the main-thread queue. The preview frame and the last detection's outline are
// snapshots the UI copies out when it draws. Raw scanned text stops at readReceipt: it is never
// logged and never leaves this service.

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/scan/scan_throttle.hpp"
#include "platform/camera.hpp"
#include "platform/frame_mailbox.hpp"
#include "platform/scanner.hpp"

namespace kiosk::app {

enum class ScanSource { Camera, Scanner, Keyboard };

/// A scan, already read by core's receipt reading (repeats of a held code come at most once per
/// ScanServiceOptions::repeatInterval; whether one is a new lookup is the flow's rule).
struct ScanEvent {
    core::ReceiptReading reading;
    ScanSource source = ScanSource::Camera;
    /// When the frame that held the code arrived (camera), or when the text arrived (scanners).
    std::chrono::steady_clock::time_point arrival{};
    /// When the event was handed to the callback (arrival -> reported is the scan latency).
    std::chrono::steady_clock::time_point reported{};
};

/// The code the camera saw last, for the attract screen to flash its outline.
struct DetectionOutline {
    /// Corners in frame coordinates divided by the frame size (0..1), so they fit any preview size.
    std::array<core::OutlinePoint, 4> points{};
    std::chrono::steady_clock::time_point seen{};
    std::uint64_t frameSequence = 0;
};

/// A downscaled luminance copy of a recent frame for the attract-screen preview texture.
struct PreviewFrame {
    core::LumaImage image;
    int sourceWidth = 0;
    int sourceHeight = 0;
    std::uint64_t sequence = 0;  ///< changes with every new preview (upload the texture only then)
};

/// Decoder figures for staff diagnostics and the benchmark.
struct ScanStats {
    std::uint64_t framesDecoded = 0;      ///< counted after the frame's scan (if any) was reported
    std::uint64_t framesPublished = 0;
    std::uint64_t framesDropped = 0;      ///< overwritten in the mailbox before the decoder took them
    std::uint64_t extraPassesSkipped = 0; ///< frames without a code that ran no extra pass (no room in the CPU budget)
    double lastDecodeMs = 0;              ///< CPU time of the decoder thread for the last frame
    double medianDecodeMs = 0;            ///< the same, median over the last 64 frames
    std::uint64_t scansReported = 0;
};

struct ScanServiceOptions {
    /// The least time between two reports of the same text (a held receipt is decoded every frame).
    /// Well under the flow's dedupe window (scanner.dedupe_seconds, at least 1 s), which each report
    /// refreshes.
    std::chrono::milliseconds repeatInterval{400};
    int previewMaxWidth = 320;
    int previewMaxHeight = 240;
    double previewFps = 10;  ///< at most this many preview frames per second (0: no preview)
    /// Passes and the per-frame CPU budget (frameBudget, frameCeiling); the decoder thread sets
    /// the clock to its own CPU time when none is given.
    core::DecodePipelineOptions pipeline;
};

class ScanService {
public:
    /// Reads raw text (normally core::readReceipt bound to the configured rules).
    using ReadFn = std::function<core::ReceiptReading(std::string_view raw)>;
    /// A scan; runs on a worker thread (post it to the UI queue, do not block).
    using OnScan = std::function<void(ScanEvent)>;
    /// A new preview frame or outline is ready; runs on the decoder thread (e.g. glfwPostEmptyEvent).
    using OnPreview = std::function<void()>;

    ScanService(ScanServiceOptions options, ReadFn read, OnScan onScan, OnPreview onPreview = {});
    ~ScanService();
    ScanService(const ScanService&) = delete;
    ScanService& operator=(const ScanService&) = delete;

    /// Sets the camera (before start, or while stopped). Null: no camera (scanners and manual entry).
    void setCamera(std::unique_ptr<platform::FrameSource> camera);
    /// Adds a hardware scanner (before start, or while stopped).
    void addScanner(std::unique_ptr<platform::CodeScanner> scanner);

    /// Starts the camera, the decoder thread and the scanners.
    void start();
    /// Stops and joins every thread. Idempotent.
    void stop();

    /// A code from the keyboard-wedge detector (or any other text source). Thread-safe; throttled
    /// like camera scans. Runs readReceipt and the callback on the calling thread (cheap).
    void submitText(std::string_view raw, ScanSource source, std::chrono::steady_clock::time_point arrival);

    /// Copies the newest preview into `out` when it is newer than `out.sequence`.
    /// @return true when `out` changed
    bool latestPreview(PreviewFrame& out) const;

    /// The last camera detection (even a throttled one: the outline still flashes).
    [[nodiscard]] std::optional<DetectionOutline> lastDetection() const;

    [[nodiscard]] platform::CameraStatus cameraStatus() const;
    [[nodiscard]] std::vector<platform::CameraStatus> scannerStatuses() const;
    [[nodiscard]] ScanStats stats() const;

private:
    void decodeLoop(std::stop_token stop);
    void report(const std::string& raw, ScanSource source, std::chrono::steady_clock::time_point arrival);

    ScanServiceOptions m_options;
    ReadFn m_read;
    OnScan m_onScan;
    OnPreview m_onPreview;

    std::unique_ptr<platform::FrameSource> m_camera;
    std::vector<std::unique_ptr<platform::CodeScanner>> m_scanners;
    platform::FrameMailbox m_mailbox;
    std::jthread m_decoder;

    std::mutex m_throttleMutex;  ///< m_throttle is shared by the decoder, scanner and UI threads
    core::ScanThrottle m_throttle;

    mutable std::mutex m_snapshotMutex;  ///< guards the members below (read by the UI thread)
    PreviewFrame m_preview;
    std::optional<DetectionOutline> m_lastDetection;
    ScanStats m_stats;
};

}  // namespace kiosk::app
