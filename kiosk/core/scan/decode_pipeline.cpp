#include "kiosk/core/scan/decode_pipeline.hpp"

#include <exception>

#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <ZXing/Result.h>

namespace kiosk::core {

std::string_view toString(DecodePass pass) {
    switch (pass) {
        case DecodePass::Fast: return "fast";
        case DecodePass::Inverted: return "inverted";
        case DecodePass::TryHarder: return "try_harder";
        case DecodePass::Rotated: return "rotated";
        case DecodePass::Downscaled: return "downscaled";
        case DecodePass::UpscaledCrop: return "upscaled_crop";
        case DecodePass::Code128: return "code128";
    }
    return "unknown";
}

namespace {

/// How a pixel of the image ZXing saw maps back to the frame: optional 90 degree view, then
/// scale (2 = the pass image was averaged 2x2, 0.5 = doubled), then the crop offset.
struct PassTransform {
    float offsetX = 0;
    float offsetY = 0;
    float scale = 1;
    bool rotated90 = false;
    int sourceHeight = 0;  ///< height of the unrotated pass image (for rotated90)

    [[nodiscard]] OutlinePoint toFrame(float u, float v) const {
        float px = u;
        float py = v;
        if (rotated90) {
            // ZXing's rotated(90) view: its pixel (u, v) is source pixel (v, H - 1 - u).
            px = v;
            py = static_cast<float>(sourceHeight - 1) - u;
        }
        return {offsetX + (px + 0.5f) * scale - 0.5f, offsetY + (py + 0.5f) * scale - 0.5f};
    }
};

ZXing::DecodeHints qrHints(bool tryHarder) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(tryHarder).setTryRotate(false).setTryDownscale(false);
    return hints;
}

ZXing::ImageView zxView(ImageView view) {
    return {view.data, view.width, view.height, ZXing::ImageFormat::Lum, view.stride};
}

std::optional<Detection> read(const ZXing::ImageView& image, const ZXing::DecodeHints& hints,
                              const PassTransform& transform, DecodePass pass) {
    if (image.width() <= 0 || image.height() <= 0) return std::nullopt;
    ZXing::Result result;
    try {
        result = ZXing::ReadBarcode(image, hints);
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
    for (std::size_t i = 0; i < 4; ++i) {
        d.outline[i] = transform.toFrame(static_cast<float>(pos[i].x), static_cast<float>(pos[i].y));
    }
    d.pass = pass;
    return d;
}

}  // namespace

DecodePipeline::DecodePipeline(DecodePipelineOptions options) : m_options(std::move(options)) {}

DecodePass DecodePipeline::nextExtraPass() const {
    if (m_options.extraPasses.empty()) return DecodePass::Fast;
    return m_options.extraPasses[m_next % m_options.extraPasses.size()];
}

std::optional<Detection> DecodePipeline::decodeFrame(ImageView frame, bool runExtraPass) {
    if (!frame.valid()) return std::nullopt;
    if (auto found = runPass(DecodePass::Fast, frame)) return found;
    if (!runExtraPass || m_options.extraPasses.empty()) return std::nullopt;
    const DecodePass pass = nextExtraPass();
    m_next = (m_next + 1) % m_options.extraPasses.size();
    return runPass(pass, frame);
}

std::optional<Detection> DecodePipeline::decodeStill(ImageView image) {
    if (!image.valid()) return std::nullopt;
    if (auto found = runPass(DecodePass::Fast, image)) return found;
    for (DecodePass pass : m_options.extraPasses) {
        if (auto found = runPass(pass, image)) return found;
    }
    return std::nullopt;
}

std::optional<Detection> DecodePipeline::runPass(DecodePass pass, ImageView image) {
    if (!image.valid()) return std::nullopt;
    switch (pass) {
        case DecodePass::Fast: {
            if (m_options.fastPassMaxHeight > 0 && image.height > m_options.fastPassMaxHeight) {
                // Averaging also halves the noise, so no smoothing on top.
                downscale2Into(image, m_smoothed);
                return read(zxView(m_smoothed.view()), qrHints(false), PassTransform{0, 0, 2.0f}, pass);
            }
            if (m_options.smoothAboveNoise > 0 && estimateNoise(image) >= m_options.smoothAboveNoise) {
                smoothInto(image, m_smoothed);
                return read(zxView(m_smoothed.view()), qrHints(false), {}, pass);
            }
            return read(zxView(image), qrHints(false), {}, pass);
        }

        case DecodePass::Inverted: {
            const PixelRect r = centreRect(image.width, image.height, m_options.cropFraction);
            invertInto(crop(image, r), m_scratch);
            PassTransform t{static_cast<float>(r.x), static_cast<float>(r.y)};
            // Code 128 without tryHarder reads a handful of scan lines: nearly free, and inverted
            // barcodes come from the same photocopies and screens as inverted QR codes.
            ZXing::DecodeHints hints = qrHints(false);
            hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128);
            return read(zxView(m_scratch.view()), hints, t, pass);
        }

        case DecodePass::TryHarder: {
            const PixelRect r = centreRect(image.width, image.height, m_options.cropFraction);
            PassTransform t{static_cast<float>(r.x), static_cast<float>(r.y)};
            return read(zxView(crop(image, r)), qrHints(true), t, pass);
        }

        case DecodePass::Rotated: {
            const PixelRect r = centreRect(image.width, image.height, m_options.cropFraction);
            const ImageView c = crop(image, r);
            ZXing::DecodeHints hints;
            hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128)
                .setTryHarder(false)
                .setTryRotate(false)
                .setTryDownscale(false);
            PassTransform t{static_cast<float>(r.x), static_cast<float>(r.y), 1.0f, true, c.height};
            return read(zxView(c).rotated(90), hints, t, pass);
        }

        case DecodePass::Downscaled: {
            // Averaging 2x2 halves the noise; stretching then lifts faint prints over the
            // binarizer's minimum contrast. Together they read faint, noisy receipts.
            downscale2Into(image, m_scratch);
            stretchContrast(m_scratch);
            PassTransform t{0, 0, 2.0f};
            return read(zxView(m_scratch.view()), qrHints(true), t, pass);
        }

        case DecodePass::UpscaledCrop: {
            const PixelRect r = centreRect(image.width, image.height, m_options.upscaleCropFraction);
            upscale2Into(crop(image, r), m_scratch);
            PassTransform t{static_cast<float>(r.x), static_cast<float>(r.y), 0.5f};
            return read(zxView(m_scratch.view()), qrHints(true), t, pass);
        }

        case DecodePass::Code128: {
            ZXing::DecodeHints hints;
            hints.setFormats(ZXing::BarcodeFormat::Code128).setTryHarder(true).setTryRotate(true).setTryDownscale(false);
            if (auto found = read(zxView(image), hints, {}, pass)) return found;
            // A receipt barcode is wider than the centre crop the Inverted pass looks at, so the
            // inverted 1D case is tried here on the whole frame, with the cheap line scan only.
            invertInto(image, m_scratch);
            hints.setTryHarder(false);
            return read(zxView(m_scratch.view()), hints, {}, pass);
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::core
