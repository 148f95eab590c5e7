#pragma once
// The decode pipeline: ZXing-C++ 1.4 tuned for a kiosk camera, and for still images.
//
// Camera frames: every frame gets the fast pass (about 0.5 ms on a 1280x720 frame without a code,
// 1.1 ms with one, noisy or not; docs/performance.md#scanning). It binarizes the frame itself,
// counts QR finder patterns in both polarities and asks ZXing (on the binarized frame) only for a
// polarity that has some; it also reads Code 128 along rows and columns, both polarities. So plain,
// inverted and rotated codes are all read on the first frame that holds them. The costlier passes
// (ZXing's own binarizer, tryHarder, other scales) run on later frames in a round robin, as many
// per frame as a CPU-time budget allows: frames average `frameBudget`, none goes past
// `frameCeiling` (see DecodePipelineOptions). A still image (scan-image, tests) runs every pass,
// then the still-only passes (ZXing's strongest settings on the whole image, both polarities).
//
// Pure: no threads, and time only through the clock the caller passes in (the decoder thread's
// CPU time in kiosk/app/services/scan_service). Not thread-safe: one pipeline per decoder thread (it owns
// its scratch buffers and the pass schedule).

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/scan/image_ops.hpp"
#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::core {

/// One way of looking at a frame.
enum class DecodePass {
    Fast,          ///< every frame: own binarizer, finder census, QR in each polarity with finders; Code 128 rows and columns, both polarities
    TryHarder,     ///< QR with tryHarder on the centre crop, ZXing's binarizer (smoothed first if noisy)
    Downscaled,    ///< QR with tryHarder on the whole frame averaged 2x2, contrast stretched (noise, faint print)
    Inverted,      ///< QR + Code 128 on the frame averaged 2x2, stretched and inverted, ZXing's binarizer
    UpscaledCrop,  ///< QR with tryHarder on the small centre crop doubled (tiny modules, far away)
    Code128,          ///< Code 128 with tryHarder on the frame averaged 8 rows into one (along upright bars), both polarities
    Code128Vertical,  ///< the same averaged 8 columns into one, for a code on its side
    Whole,         ///< still images: QR + Code 128 with tryHarder, tryRotate and tryDownscale on the whole image, both polarities
    Flattened,     ///< still images: the same after local contrast normalisation (shadow, glare, uneven light)
};

/// How many DecodePass values there are (Flattened is the last).
inline constexpr std::size_t kDecodePassCount = static_cast<std::size_t>(DecodePass::Flattened) + 1;

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

/// A CPU-time clock (monotonic, any origin). The pipeline reads it around passes to keep frames
/// within the budget; tests pass a fake.
using CpuClock = std::function<std::chrono::nanoseconds()>;

struct DecodePipelineOptions {
    /// Extra camera passes, in round-robin order after the fast pass.
    std::vector<DecodePass> extraPasses = {DecodePass::TryHarder, DecodePass::Code128, DecodePass::Downscaled,
                                           DecodePass::Code128Vertical, DecodePass::Inverted, DecodePass::UpscaledCrop};
    /// Passes for still images only, after every camera pass.
    std::vector<DecodePass> stillPasses = {DecodePass::Whole, DecodePass::Flattened};
    /// Side fraction of the centre crop used by TryHarder.
    double cropFraction = 0.6;
    /// Side fraction of the centre crop that UpscaledCrop doubles.
    double upscaleCropFraction = 0.34;
    /// When the estimated sensor noise (sigma, grey levels) is at least this, the passes that use
    /// ZXing's own binarizer on a full-resolution crop read a 3x3-smoothed copy: noise makes that
    /// binarizer slow (it sees finder candidates in flat noisy paper). 0: never.
    double smoothAboveNoise = 4.5;
    /// Frames taller than this get their fast pass on a 2x2-averaged copy: a receipt filling the
    /// guide frame of a 1080p camera has modules of 5+ px, plenty at half size. 0: never.
    int fastPassMaxHeight = 800;
    /// The fast pass asks ZXing for a polarity when the frame shows at least this many finder
    /// pattern candidates of it (a QR code has three; one may be blurred or cut).
    int minFinderCandidates = 2;
    /// With a clock: the CPU time a camera frame may average (fast pass included) and the most any
    /// one frame may take. Extra passes run while their estimated cost fits; time a cheap frame
    /// leaves unused is credit for a later one, up to the ceiling.
    std::chrono::microseconds frameBudget{1500};
    std::chrono::microseconds frameCeiling{3500};
    /// The decoder thread's CPU clock. Empty: no budget, one extra pass per frame.
    CpuClock clock;
};

class DecodePipeline {
public:
    explicit DecodePipeline(DecodePipelineOptions options = {});

    /// Camera path: the fast pass, then (when nothing was found) extra passes from the rotation,
    /// one per frame without a clock, as many as the budget allows with one.
    /// @param frame the newest camera frame (invalid views return nothing)
    /// @return the first code found, with its outline in frame coordinates
    std::optional<Detection> decodeFrame(ImageView frame);

    /// Still images: the fast pass, every extra pass, then the still-only passes, until one finds
    /// a code.
    std::optional<Detection> decodeStill(ImageView image);

    /// Runs exactly one pass (benchmarks, tests).
    std::optional<Detection> runPass(DecodePass pass, ImageView image);

    /// The extra pass the rotation will try next.
    [[nodiscard]] DecodePass nextExtraPass() const;

    /// How many extra passes the last decodeFrame call ran (0: the fast pass found the code, or
    /// the budget had no room).
    [[nodiscard]] int extraPassesLastFrame() const noexcept { return m_extraLastFrame; }

    [[nodiscard]] const DecodePipelineOptions& options() const noexcept { return m_options; }

private:
    std::optional<Detection> fastPass(ImageView image);
    std::chrono::nanoseconds& estimateFor(DecodePass pass);

    DecodePipelineOptions m_options;
    std::size_t m_next = 0;  ///< index into m_options.extraPasses
    int m_extraLastFrame = 0;
    int m_starved = 0;  ///< frames in a row on which the next pass did not fit the budget
    std::chrono::nanoseconds m_credit{0};
    std::array<std::chrono::nanoseconds, kDecodePassCount> m_estimates{};  ///< running cost estimate per DecodePass
    LumaImage m_scratch;   ///< the pass's working copy (smoothed, averaged, inverted, ...)
    LumaImage m_scratch2;  ///< a second one where a pass needs two
    LumaImage m_binary;    ///< the fast pass's binarized frame ...
    LumaImage m_inverse;   ///< ... and its other polarity
    std::vector<std::int32_t> m_binarizerScratch;
};

}  // namespace kiosk::core
