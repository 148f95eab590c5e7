#pragma once
// The camera decode pipeline: ZXing-C++ 1.4 tuned for a kiosk camera.
//
// Every frame gets a fast pass (QR only, no tryHarder, no tryRotate): about 3 ms on a 1280x720
// frame here, where ZXing's default hints cost about 23 ms on a frame without a code. The costlier
// passes are spread over successive frames, one extra pass per frame, round robin, each sized (crop,
// scale) so that fast + one extra pass stays within about 5 ms at 1280x720 (measured in
// docs/performance.md#scanning). A still image (scan-image, tests) runs every pass at once.
//
// Pure: no clock, no threads. The caller (kiosk/app/scan_service) measures time and may skip the
// extra pass on a frame when the previous one ran over budget. Not thread-safe: one pipeline per
// decoder thread (it owns its scratch buffers).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/scan/image_ops.hpp"
#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::core {

/// One way of looking at a frame.
enum class DecodePass {
    Fast,          ///< QR, whole frame, no tryHarder/tryRotate (every frame; smoothed if noisy, halved if large)
    Inverted,      ///< QR + Code 128 on an inverted copy of the centre crop (light-on-dark codes)
    TryHarder,     ///< QR with tryHarder on the centre crop (damaged, low-contrast, blurred)
    Rotated,       ///< QR and Code 128 on the centre crop seen at 90 degrees (no copy)
    Downscaled,    ///< QR with tryHarder on the whole frame averaged 2x2, contrast stretched (noise, faint print)
    UpscaledCrop,  ///< QR with tryHarder on the small centre crop doubled (tiny modules, far away)
    Code128,       ///< 1D Code 128 of the bare dossier code, whole frame (tryHarder, tryRotate), then inverted
};

/// Stable name for logs, JSON and benchmarks ("fast", "inverted", ...).
std::string_view toString(DecodePass pass);

enum class Symbology { QrCode, Code128 };

/// A point in frame pixel coordinates.
struct OutlinePoint {
    float x = 0;
    float y = 0;
    friend bool operator==(const OutlinePoint&, const OutlinePoint&) = default;
};

/// A decoded code. `text` is the raw scanned text: it goes to readReceipt and is never logged.
struct Detection {
    std::string text;
    Symbology symbology = Symbology::QrCode;
    /// The code's corners in frame coordinates (top-left, top-right, bottom-right, bottom-left as
    /// the code is read); for a 1D code, the ends of the scan line that read it.
    std::array<OutlinePoint, 4> outline{};
    DecodePass pass = DecodePass::Fast;
};

struct DecodePipelineOptions {
    /// Extra passes, in round-robin order (one per frame after the fast pass).
    std::vector<DecodePass> extraPasses = {DecodePass::Inverted, DecodePass::TryHarder, DecodePass::Code128,
                                           DecodePass::Downscaled, DecodePass::Rotated, DecodePass::UpscaledCrop};
    /// Side fraction of the centre crop used by Inverted, TryHarder and Rotated.
    double cropFraction = 0.6;
    /// Side fraction of the centre crop that UpscaledCrop doubles.
    double upscaleCropFraction = 0.34;
    /// When the estimated sensor noise (sigma, gray levels) is at least this, the fast pass reads a
    /// 3x3-smoothed copy: in a dim lobby the noise makes ZXing's binarizer slow (5.6 ms instead of
    /// 2.2 ms at 1280x720, sigma 6) and smoothing (about 1 ms) more than pays for itself. 0: never.
    double smoothAboveNoise = 4.5;
    /// Frames taller than this get their fast pass on a 2x2-averaged copy: a receipt filling the
    /// guide frame of a 1080p camera has modules of 5+ px, plenty at half size, and the fast pass
    /// drops from about 4.2 to 1.5 ms. Small codes are still read by the full-resolution extra
    /// passes (TryHarder, UpscaledCrop). 0: never.
    int fastPassMaxHeight = 800;
};

class DecodePipeline {
public:
    explicit DecodePipeline(DecodePipelineOptions options = {});

    /// Camera path: the fast pass, then (when `runExtraPass` and nothing was found) the next extra pass
    /// in the rotation. The rotation advances on every frame that runs an extra pass.
    /// @param frame the newest camera frame (invalid views return nothing)
    /// @param runExtraPass false when the caller is over its time budget
    /// @return the first code found, with its outline in frame coordinates
    std::optional<Detection> decodeFrame(ImageView frame, bool runExtraPass = true);

    /// Still images: the fast pass, then every extra pass until one finds a code.
    std::optional<Detection> decodeStill(ImageView image);

    /// Runs exactly one pass (benchmarks, tests).
    std::optional<Detection> runPass(DecodePass pass, ImageView image);

    /// The pass the next decodeFrame call will run after the fast pass.
    [[nodiscard]] DecodePass nextExtraPass() const;

    [[nodiscard]] const DecodePipelineOptions& options() const noexcept { return m_options; }

private:
    DecodePipelineOptions m_options;
    std::size_t m_next = 0;  ///< index into m_options.extraPasses
    LumaImage m_scratch;      ///< reused by Inverted, Downscaled, UpscaledCrop
    LumaImage m_smoothed;     ///< the fast pass's smoothed (noisy) or halved (large) copy of a frame
};

}  // namespace kiosk::core
