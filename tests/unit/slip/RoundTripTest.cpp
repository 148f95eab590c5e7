// Round trip: slip -> raster -> ESC/POS -> parser -> image -> ZXing reads the QR URL exactly.
#include <gtest/gtest.h>

#define ZX_USE_UTF8 1  // Result::text() returns UTF-8 (ZXing 1.4 transition switch)
#include <ZXing/ReadBarcode.h>

#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/escpos/escpos_parser.hpp"
#include "kiosk/core/slip/status_slip.hpp"
#include "tests/support/slip_samples.hpp"

using namespace kiosk::core;

namespace {
std::string decodeQr(const slip::Raster& image) {
    const auto grey = image.toGrey();
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto result = ZXing::ReadBarcode({grey.data(), image.width, image.height, ZXing::ImageFormat::Lum}, hints);
    if (!result.isValid()) return {};
    return result.text();
}
}  // namespace

TEST(RoundTripTest, StatusSlipQrSurvivesEscPosAndDecodes) {
    const kiosk::test::NotoFonts fonts;
    for (int width : {384, 576}) {
        const auto sample = kiosk::test::statusSamples().at(8);
        auto rendered = fonts.renderer().render(slip::buildStatusSlip(sample.answer, sample.input), {.paperWidthDots = width});
        ASSERT_TRUE(rendered);
        const auto bytes = escpos::encodeJob(rendered->raster, {.bandRows = 24});
        auto job = escpos::parseEscPos(bytes);
        ASSERT_TRUE(job) << job.error().message;
        ASSERT_EQ(job->pages.size(), 1u);
        const auto& page = job->pages[0];
        EXPECT_EQ(page.cut, escpos::CutMode::Partial);
        EXPECT_EQ(page.rasterBands, (rendered->raster.height + 23) / 24);
        ASSERT_EQ(page.image.width, width);
        // The page is the raster plus the feed before the cut; the raster rows come back bit for bit.
        ASSERT_EQ(page.image.height, rendered->raster.height + 96);
        EXPECT_TRUE(std::equal(rendered->raster.bits.begin(), rendered->raster.bits.end(), page.image.bits.begin()));
        EXPECT_EQ(decodeQr(page.image), sample.dossier.publicLookupUrl);
    }
}

TEST(RoundTripTest, NativeQrVariantIsRebuiltAndDecodes) {
    const std::string url = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=000.17.22.H56-210531-0001";
    escpos::EscPosEncoder enc;
    enc.init();
    ASSERT_TRUE(enc.nativeQr(url, 5));
    enc.feedDots(40).cut(escpos::CutMode::Full);
    auto job = escpos::parseEscPos(enc.bytes());
    ASSERT_TRUE(job) << job.error().message;
    ASSERT_EQ(job->pages.size(), 1u);
    EXPECT_EQ(job->pages[0].qrPayloads, std::vector<std::string>{url});
    EXPECT_EQ(job->pages[0].cut, escpos::CutMode::Full);
    EXPECT_EQ(decodeQr(job->pages[0].image), url);
}

TEST(RoundTripTest, StatusSlipWithNativeQrDecodesAndKeepsTheText) {
    const kiosk::test::NotoFonts fonts;
    const auto sample = kiosk::test::statusSamples().at(5);
    auto rendered = fonts.renderer().render(slip::buildStatusSlip(sample.answer, sample.input));
    ASSERT_TRUE(rendered);
    ASSERT_EQ(rendered->qrPayloads, std::vector<std::string>{sample.dossier.publicLookupUrl});
    const auto bytes = escpos::encodeSlipJob(*rendered, {.nativeQr = true, .nativeQrModuleDots = 5});
    auto job = escpos::parseEscPos(bytes);
    ASSERT_TRUE(job) << job.error().message;
    ASSERT_EQ(job->pages.size(), 1u);
    const auto& page = job->pages[0];
    EXPECT_EQ(page.qrPayloads, std::vector<std::string>{sample.dossier.publicLookupUrl});
    EXPECT_EQ(decodeQr(page.image), sample.dossier.publicLookupUrl);
    // The rows above the QR code are the slip's own raster, bit for bit.
    const int above = rendered->qrCodes[0].y0;
    const auto top = rendered->raster.rows(0, above);
    EXPECT_TRUE(std::equal(top.bits.begin(), top.bits.end(), page.image.bits.begin()));
    // Without the option the same call gives the plain raster job.
    EXPECT_EQ(escpos::encodeSlipJob(*rendered), escpos::encodeJob(rendered->raster));
}
