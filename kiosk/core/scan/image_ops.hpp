#pragma once
// Small luminance image operations for the decode pipeline and the camera preview. Each writes into
// a caller-owned LumaImage so that, once warm, the per-frame path allocates nothing.

#include "kiosk/core/scan/image_view.hpp"

namespace kiosk::core {

/// A pixel rectangle inside an image.
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

/// The centred rectangle covering `fraction` (0..1] of the width and of the height.
PixelRect centreRect(int width, int height, double fraction);

/// @return `view` restricted to `rect` (clamped to the image; no copy).
ImageView crop(ImageView view, PixelRect rect);

/// dst = 255 - src, pixel by pixel. ZXing 1.4 has no "try inverted" option, and light-on-dark codes
/// (photocopies, phone screens in dark mode) need it.
void invertInto(ImageView src, LumaImage& dst);

/// Halves both sides by averaging 2x2 blocks (noise drops by half, module size too).
void downscale2Into(ImageView src, LumaImage& dst);

/// Shrinks so that the result fits in maxWidth x maxHeight, keeping the aspect ratio, by averaging
/// whole-pixel boxes (for the attract-screen preview). Never enlarges.
void downscaleToFitInto(ImageView src, int maxWidth, int maxHeight, LumaImage& dst);

/// Doubles both sides with bilinear interpolation (small, far-away modules become readable).
void upscale2Into(ImageView src, LumaImage& dst);

/// Stretches contrast in place so that the 1st..99th percentile of gray levels spans 0..255. A faint
/// print under bright light keeps only 20-30 gray levels between ink and paper, under ZXing's
/// binarizer's minimum local range (24), which then sees a blank page. No-op on flat images.
void stretchContrast(LumaImage& image);

/// Estimates the sensor noise (Gaussian sigma, in gray levels) from the median absolute difference
/// of horizontal neighbours on a sparse grid of rows: flat areas dominate a receipt frame, so edges
/// barely move the median. Costs microseconds.
/// @return sigma, or 0 for images too small to sample
double estimateNoise(ImageView view);

/// 3x3 binomial smoothing ([1 2 1] / 4 each way); borders are copied. Halves Gaussian noise, which
/// keeps ZXing's local-average binarizer from seeing finder-pattern candidates in flat noisy areas.
void smoothInto(ImageView src, LumaImage& dst);

/// Averages groups of `n` rows into one (height / n rows; a last partial group is dropped; `n`
/// is rounded down to a power of two, at most 128). Along the bars of an upright 1D code this
/// divides the noise by sqrt(n) and keeps every bar sharp, and the reader has n times fewer rows.
void averageRowsInto(ImageView src, int n, LumaImage& dst);

/// The same across columns (width / n columns): for a 1D code lying on its side.
void averageColumnsInto(ImageView src, int n, LumaImage& dst);

/// Local contrast normalisation: each pixel becomes 128 + 64 (p - mean) / (spread + 8), with the
/// mean and spread of its neighbourhood (blocks of `blockSize` px, smoothed over 3x3 blocks and
/// interpolated between block centres). A shadow across a code, a glare spot or light falling off
/// to one side all leave a local step that a global or row threshold cannot follow; after this the
/// paper is mid grey everywhere and ink dark everywhere.
void normalizeLocalContrastInto(ImageView src, int blockSize, LumaImage& dst);

}  // namespace kiosk::core
