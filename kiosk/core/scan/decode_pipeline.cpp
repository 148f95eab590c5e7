#include "kiosk/core/scan/decode_pipeline.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <ZXing/Result.h>

#include "kiosk/core/scan/binarizer.hpp"

namespace kiosk::core {

std::string_view toString(DecodePass pass) {
    switch (pass) {
        case DecodePass::Fast: return "fast";
        case DecodePass::TryHarder: return "try_harder";
        case DecodePass::Downscaled: return "downscaled";
        case DecodePass::Inverted: return "inverted";
        case DecodePass::UpscaledCrop: return "upscaled_crop";
        case DecodePass::Code128: return "code128";
        case DecodePass::Code128Vertical: return "code128_vertical";
        case DecodePass::Whole: return "whole";
        case DecodePass::Flattened: return "flattened";
    }
    return "unknown";
}

namespace {

using Nanos = std::chrono::nanoseconds;

/// How a pixel of the image ZXing saw maps back to the frame: optional 90 degree view, then
/// scale (2 = the pass image was averaged 2x2, 0.5 = doubled), then the crop offset.
struct PassTransform {
    float offsetX = 0;
    float offsetY = 0;
    float scaleX = 1;
    float scaleY = 1;
    int rotation = 0;  ///< ZXing saw the pass image through rotated(0, 90 or 270)
    int sourceWidth = 0;   ///< size of the unrotated pass image (for rotations)
    int sourceHeight = 0;

    static PassTransform scaled(float scale, float x = 0, float y = 0) { return {x, y, scale, scale, 0, 0, 0}; }

    [[nodiscard]] OutlinePoint toFrame(float u, float v) const {
        float px = u;
        float py = v;
        if (rotation == 90) {
            // ZXing's rotated(90) view: its pixel (u, v) is source pixel (v, H - 1 - u).
            px = v;
            py = static_cast<float>(sourceHeight - 1) - u;
        } else if (rotation == 270) {
            // rotated(270): its pixel (u, v) is source pixel (W - 1 - v, u).
            px = static_cast<float>(sourceWidth - 1) - v;
            py = u;
        }
        return {offsetX + (px + 0.5f) * scaleX - 0.5f, offsetY + (py + 0.5f) * scaleY - 0.5f};
    }
};

constexpr ZXing::BarcodeFormats kQr = ZXing::BarcodeFormat::QRCode;
constexpr ZXing::BarcodeFormats kCode128 = ZXing::BarcodeFormat::Code128;

ZXing::DecodeHints hints(ZXing::BarcodeFormats formats, bool tryHarder, ZXing::Binarizer binarizer = ZXing::Binarizer::LocalAverage) {
    ZXing::DecodeHints h;
    h.setFormats(formats).setTryHarder(tryHarder).setTryRotate(false).setTryDownscale(false).setBinarizer(binarizer);
    return h;
}

ZXing::ImageView zxView(ImageView view) { return {view.data, view.width, view.height, ZXing::ImageFormat::Lum, view.stride}; }

std::optional<Detection> read(const ZXing::ImageView& image, const ZXing::DecodeHints& h, const PassTransform& transform, DecodePass pass) {
    if (image.width() <= 0 || image.height() <= 0) return std::nullopt;
    ZXing::Result result;
    try {
        result = ZXing::ReadBarcode(image, h);
    } catch (const std::exception&) {
        // ZXing throws only on broken preconditions (empty image), checked above; a frame that
        // trips it anyway is treated as "no code" rather than stopping the decoder thread.
        return std::nullopt;
    }
    if (!result.isValid()) return std::nullopt;
    Detection d;
    d.text = result.text();
    d.symbology = result.format() == ZXing::BarcodeFormat::Code128 ? Symbology::Code128 : Symbology::QrCode;
    const auto& pos = result.position();
    for (std::size_t i = 0; i < 4; ++i) d.outline[i] = transform.toFrame(static_cast<float>(pos[i].x), static_cast<float>(pos[i].y));
    d.pass = pass;
    return d;
}

/// Lines averaged into one by the Code 128 pass.
constexpr int kBandLines = 8;

/// The crops of TryHarder and UpscaledCrop cover `fraction` of each side, but at most
/// kMaxCropPixels / `growth` pixels (UpscaledCrop doubles its crop: growth 4), so that on a 1080p
/// frame they cost about what they cost on a 720p one.
constexpr double kMaxCropPixels = 420'000;
double cropFractionFor(ImageView image, double fraction, double growth) {
    const double area = static_cast<double>(image.width) * image.height;
    return std::min(fraction, std::sqrt(kMaxCropPixels / growth / area));
}

/// The box factor of the Downscaled and Inverted passes: 2, or more for frames so large that the
/// half-size copy would still hold more than kMaxDownscaledPixels.
constexpr double kMaxDownscaledPixels = 300'000;
int downscaleFactorFor(ImageView image) {
    const double area = static_cast<double>(image.width) * image.height;
    return std::max(2, static_cast<int>(std::ceil(std::sqrt(area / kMaxDownscaledPixels))));
}

/// Reads a view and, when nothing is found, its quarter-turn rotation (1D codes along the
/// columns). 270, not 90: through a rotated(90) view ZXing 1.4's threshold binarizer (BoolCast)
/// misreads the rows (measured: a vertical Code 128 read at 270 and missed at 90).
std::optional<Detection> readRowsThenColumns(ImageView view, const ZXing::DecodeHints& h, PassTransform t, DecodePass pass) {
    if (auto found = read(zxView(view), h, t, pass)) return found;
    t.rotation = 270;
    t.sourceWidth = view.width;
    t.sourceHeight = view.height;
    return read(zxView(view).rotated(270), h, t, pass);
}

}  // namespace

DecodePipeline::DecodePipeline(DecodePipelineOptions options) : m_options(std::move(options)) {
    // A first guess of 1 ms per pass, about what each costs on a 1280x720 frame
    // (docs/performance.md#scanning); measured costs take over as soon as a pass has run.
    m_estimates.fill(std::chrono::microseconds(1000));
}

DecodePass DecodePipeline::nextExtraPass() const {
    if (m_options.extraPasses.empty()) return DecodePass::Fast;
    return m_options.extraPasses[m_next % m_options.extraPasses.size()];
}

Nanos& DecodePipeline::estimateFor(DecodePass pass) { return m_estimates[static_cast<std::size_t>(pass)]; }

std::optional<Detection> DecodePipeline::decodeFrame(ImageView frame) {
    m_extraLastFrame = 0;
    if (!frame.valid()) return std::nullopt;
    const bool timed = static_cast<bool>(m_options.clock);
    const Nanos start = timed ? m_options.clock() : Nanos{0};
    auto found = runPass(DecodePass::Fast, frame);
    const auto& order = m_options.extraPasses;
    if (!timed) {
        // No clock, no budget: exactly one extra pass per frame (tests, tools).
        if (found || order.empty()) return found;
        const DecodePass pass = nextExtraPass();
        m_next = (m_next + 1) % order.size();
        m_extraLastFrame = 1;
        return runPass(pass, frame);
    }
    const Nanos budget = m_options.frameBudget;
    const Nanos ceiling = std::max(budget, Nanos{m_options.frameCeiling});
    // A frame may spend its budget plus the credit earlier, cheaper frames left (less what earlier
    // frames overspent), never more than the ceiling.
    const Nanos allowed = std::min(ceiling, budget + m_credit);
    bool starvedThisFrame = false;
    for (std::size_t tried = 0; !found && tried < order.size(); ++tried) {
        const DecodePass pass = nextExtraPass();
        const Nanos before = m_options.clock();
        Nanos& estimate = estimateFor(pass);
        // A pass that never fits (its estimate grew past what any frame allows) still runs when
        // the credit is full and it has waited a while: its estimate then comes down to the truth.
        const bool overdue = m_starved >= 8 && m_credit >= ceiling - budget;
        if (before - start + estimate > allowed && !(overdue && m_extraLastFrame == 0)) {
            starvedThisFrame = m_extraLastFrame == 0;
            break;
        }
        found = runPass(pass, frame);
        const Nanos cost = m_options.clock() - before;
        // Exponential average, 1/4 weight to the newest: follows a change of scene in a few frames.
        estimate = (estimate * 3 + cost) / 4;
        m_next = (m_next + 1) % order.size();
        ++m_extraLastFrame;
    }
    m_starved = starvedThisFrame ? m_starved + 1 : 0;
    const Nanos spent = m_options.clock() - start;
    // Overspending (a pass that cost more than its estimate) is paid back by later frames.
    m_credit = std::clamp(m_credit + budget - spent, budget - ceiling, ceiling - budget);
    return found;
}

std::optional<Detection> DecodePipeline::decodeStill(ImageView image) {
    if (!image.valid()) return std::nullopt;
    if (auto found = runPass(DecodePass::Fast, image)) return found;
    for (DecodePass pass : m_options.extraPasses) {
        if (auto found = runPass(pass, image)) return found;
    }
    for (DecodePass pass : m_options.stillPasses) {
        if (auto found = runPass(pass, image)) return found;
    }
    return std::nullopt;
}

std::optional<Detection> DecodePipeline::fastPass(ImageView image) {
    PassTransform t;
    ImageView source = image;
    if (m_options.fastPassMaxHeight > 0 && image.height > m_options.fastPassMaxHeight) {
        downscale2Into(image, m_scratch);
        source = m_scratch.view();
        t = PassTransform::scaled(2.0f);
    }
    BinarizerOptions binarizer;
    binarizer.noiseSigma = estimateNoise(source);
    binarizeInto(source, binarizer, m_binary, m_binarizerScratch);
    const FinderCensus census = scanFinderPatterns(m_binary.view());
    const auto qr = hints(kQr, false, ZXing::Binarizer::BoolCast);
    if (census.darkOnLight >= m_options.minFinderCandidates) {
        if (auto found = read(zxView(m_binary.view()), qr, t, DecodePass::Fast)) return found;
    }
    invertBinaryInto(m_binary.view(), m_inverse);
    if (census.lightOnDark >= m_options.minFinderCandidates) {
        if (auto found = read(zxView(m_inverse.view()), qr, t, DecodePass::Fast)) return found;
    }
    // Code 128 without tryHarder reads a handful of rows (and columns) of the binarized frame:
    // a few hundredths of a millisecond per polarity.
    const auto bars = hints(kCode128, false, ZXing::Binarizer::BoolCast);
    if (auto found = readRowsThenColumns(m_binary.view(), bars, t, DecodePass::Fast)) return found;
    return readRowsThenColumns(m_inverse.view(), bars, t, DecodePass::Fast);
}

std::optional<Detection> DecodePipeline::runPass(DecodePass pass, ImageView image) {
    if (!image.valid()) return std::nullopt;
    auto noisy = [&] { return m_options.smoothAboveNoise > 0 && estimateNoise(image) >= m_options.smoothAboveNoise; };
    switch (pass) {
        case DecodePass::Fast: return fastPass(image);

        case DecodePass::TryHarder: {
            const PixelRect r = centreRect(image.width, image.height, cropFractionFor(image, m_options.cropFraction, 1));
            ImageView c = crop(image, r);
            if (noisy()) {
                smoothInto(c, m_scratch);
                c = m_scratch.view();
            }
            return read(zxView(c), hints(kQr, true), PassTransform::scaled(1, static_cast<float>(r.x), static_cast<float>(r.y)), pass);
        }

        case DecodePass::Downscaled:
        case DecodePass::Inverted: {
            // Averaging 2x2 halves the noise; stretching then lifts faint prints over the
            // binarizer's minimum contrast. Inverted codes mostly come large (a phone screen, a
            // photocopy filling the view), so half size suits them too.
            // A 1080p frame is averaged 3x3, so that the pass costs what it costs at 720p.
            const int factor = downscaleFactorFor(image);
            if (factor == 2) {
                downscale2Into(image, m_scratch);
            } else {
                downscaleToFitInto(image, image.width / factor, image.height / factor, m_scratch);
            }
            stretchContrast(m_scratch);
            const auto t = PassTransform::scaled(static_cast<float>(factor));
            if (pass == DecodePass::Downscaled) return read(zxView(m_scratch.view()), hints(kQr, true), t, pass);
            invertInto(m_scratch.view(), m_scratch);
            return read(zxView(m_scratch.view()), hints(kQr | kCode128, false), t, pass);
        }

        case DecodePass::UpscaledCrop: {
            const PixelRect r = centreRect(image.width, image.height, cropFractionFor(image, m_options.upscaleCropFraction, 4));
            ImageView c = crop(image, r);
            if (noisy()) {
                smoothInto(c, m_scratch2);
                c = m_scratch2.view();
            }
            upscale2Into(c, m_scratch);
            return read(zxView(m_scratch.view()), hints(kQr, true), PassTransform::scaled(0.5f, static_cast<float>(r.x), static_cast<float>(r.y)), pass);
        }

        case DecodePass::Code128:
        case DecodePass::Code128Vertical: {
            // A band averaged along the bars: 8 rows into one for an upright code, 8 columns for
            // one on its side. Noise drops to a third, bars stay sharp up to a few degrees of
            // tilt, and tryHarder has an eighth of the lines to scan. Read as it is, then inverted.
            const bool vertical = pass == DecodePass::Code128Vertical;
            if (vertical) {
                averageColumnsInto(image, kBandLines, m_scratch);
            } else {
                averageRowsInto(image, kBandLines, m_scratch);
            }
            const auto bars = hints(kCode128, true);
            const auto lines = static_cast<float>(kBandLines);
            const PassTransform t = vertical ? PassTransform{0, 0, lines, 1, 90, m_scratch.width, m_scratch.height} : PassTransform{0, 0, 1, lines, 0, 0, 0};
            auto readBand = [&] {
                const ZXing::ImageView band = zxView(m_scratch.view());
                return read(vertical ? band.rotated(90) : band, bars, t, pass);
            };
            if (auto found = readBand()) return found;
            invertInto(m_scratch.view(), m_scratch);
            return readBand();
        }

        case DecodePass::Whole:
        case DecodePass::Flattened: {
            // ZXing's strongest settings on the whole image, ordinary then inverted. Flattened
            // first evens out the light (blocks of about a 30th of the image).
            ImageView src = image;
            if (pass == DecodePass::Flattened) {
                normalizeLocalContrastInto(image, std::max(8, std::min(image.width, image.height) / 30), m_scratch2);
                src = m_scratch2.view();
            }
            ZXing::DecodeHints strong;
            strong.setFormats(kQr | kCode128).setTryHarder(true).setTryRotate(true).setTryDownscale(true);
            if (auto found = read(zxView(src), strong, {}, pass)) return found;
            invertInto(src, m_scratch);
            return read(zxView(m_scratch.view()), strong, {}, pass);
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::core
