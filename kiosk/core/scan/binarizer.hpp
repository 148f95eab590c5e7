#pragma once
// The camera path's own binarizer and finder-pattern census.
//
// ZXing 1.4's HybridBinarizer costs about 1.2 ms on a 1280x720 frame, and on a noisy frame (a dim
// lobby) it turns flat paper into salt and pepper that its QR detector then spends milliseconds
// on. This binarizer thresholds against the mean of a 80x80 px neighbourhood, like ZXing's, but
// calls a neighbourhood "flat" when its spread is within what the sensor noise explains, and
// marks it light in both polarities. Its output goes to ZXing with Binarizer::BoolCast.
//
// scanFinderPatterns then counts, on a sample of rows, the runs that look like a QR finder pattern
// (1:1:3:1:1) in each polarity. A frame with none in a polarity cannot hold a readable QR code of
// that polarity, so the camera path asks ZXing only for the polarities that have some: a frame
// without a code then costs a fraction of one ZXing call, and inverted codes need no extra pass.

#include <cstdint>
#include <vector>

#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::core {

/// Pixel values of a binarized image (ZXing's BoolCast binarizer reads 0 as black).
inline constexpr std::uint8_t kBinaryDark = 0;
inline constexpr std::uint8_t kBinaryLight = 255;
/// A pixel of a flat neighbourhood: light whichever polarity is read (see invertBinaryInto).
inline constexpr std::uint8_t kBinaryFlat = 254;

struct BinarizerOptions {
    /// Side of the statistics blocks in pixels; thresholds are the mean of 5x5 blocks.
    int blockSize = 16;
    /// Sensor noise (Gaussian sigma, grey levels), e.g. from estimateNoise(): a neighbourhood whose
    /// standard deviation is below `flatNoiseFactor` times this is flat.
    double noiseSigma = 0;
    double flatNoiseFactor = 2.2;
    /// Neighbourhoods with a standard deviation below this are flat whatever the noise: paper.
    double minSpread = 10;
};

/// Thresholds `src` into `dst` (same size): kBinaryDark, kBinaryLight or kBinaryFlat per pixel.
/// Once `dst` and `scratch` have held a frame this size, nothing is allocated.
/// @param scratch per-block statistics, reused between calls
void binarizeInto(ImageView src, const BinarizerOptions& options, LumaImage& dst, std::vector<std::int32_t>& scratch);

/// The other polarity of a binarized image: dark becomes light and light dark; flat stays light.
void invertBinaryInto(ImageView binary, LumaImage& dst);

/// Finder-pattern candidates found by scanFinderPatterns, by polarity.
struct FinderCensus {
    int darkOnLight = 0;  ///< candidates of an ordinary (dark on light) QR code
    int lightOnDark = 0;  ///< candidates of an inverted code
};

/// Scans every `rowStep`-th row of a binarized image for 1:1:3:1:1 runs (a QR finder pattern's
/// cross-section), and counts those whose column shows the same proportions, once per pattern.
/// @param minModule smallest module size worth reporting, in pixels
/// @return the candidates by polarity (0, 0 for an invalid view)
FinderCensus scanFinderPatterns(ImageView binary, int rowStep = 2, double minModule = 1.5);

}  // namespace kiosk::core
