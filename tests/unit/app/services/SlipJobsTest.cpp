// SlipMaker (kiosk/app/services/slip_jobs.hpp): domain objects -> translated, rendered slips, with the bundled
// string tables and Noto Sans from disk (app layer), checked by decoding the raster's QR with ZXing.
#include "kiosk/app/services/slip_jobs.hpp"

#include <gtest/gtest.h>

#define ZX_USE_UTF8 1  // Result::text() returns UTF-8 (ZXing 1.4 transition switch)
#include <ZXing/ReadBarcode.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "kiosk/core/config/config_loader.hpp"
#include "kiosk/core/escpos/escpos_parser.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/slip/raster.hpp"
#include "tests/support/slip_samples.hpp"

using namespace kiosk;

namespace {

std::string decodeQr(const core::slip::Raster& raster) {
    const auto grey = raster.toGrey();
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto r = ZXing::ReadBarcode({grey.data(), raster.width, raster.height, ZXing::ImageFormat::Lum}, hints);
    return r.isValid() ? r.text() : std::string{};
}


core::Settings testSettings() {
    core::Settings s;
    s.paths.assetsDir = KIOSK_SOURCE_ASSETS_DIR;  // the default is the installed folder
    s.office.name = "Trung tâm Phục vụ hành chính công tỉnh Ninh Bình";
    s.office.helpLine = "0229 3871 234";
    s.office.publicLookupUrl = "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS={code}";
    s.printer.widthDots = 576;
    return s;
}

app::SlipMaker makeMaker(const core::Settings& settings) {
    auto maker = app::SlipMaker::create(settings);
    if (!maker) throw std::runtime_error(maker.error().message);
    return std::move(*maker);
}

core::Dossier sampleDossier(int status) {
    return test::statusSamples().at(static_cast<std::size_t>(status - 1)).dossier;
}

// A slip with the applicant row is taller by at least one line than the same slip without it.
int heightOf(const app::SlipMaker& maker, const core::Dossier& d) {
    auto r = maker.statusSlip(d, core::Language::Vi, test::sampleNow());
    if (!r) throw std::runtime_error(r.error().message);
    return r->raster.height;
}

}  // namespace

TEST(SlipJobsTest, StatusSlipRendersInBothLanguagesWithTheLookupUrlInItsQr) {
    const auto maker = makeMaker(testSettings());
    const auto dossier = sampleDossier(5);
    for (const auto language : {core::Language::Vi, core::Language::En}) {
        auto slip = maker.statusSlip(dossier, language, test::sampleNow());
        ASSERT_TRUE(slip) << slip.error().message;
        EXPECT_EQ(slip->raster.width, 576);
        EXPECT_GT(slip->raster.height, 400);
        EXPECT_EQ(decodeQr(slip->raster), "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=" + dossier.code);
        EXPECT_TRUE(maker.strings(language).missingKeys().empty())
            << *maker.strings(language).missingKeys().begin();
    }
}

TEST(SlipJobsTest, EveryStatusRendersWithoutMissingTranslations) {
    const auto maker = makeMaker(testSettings());
    for (int status = 1; status <= 10; ++status) {
        for (const auto language : {core::Language::Vi, core::Language::En}) {
            auto slip = maker.statusSlip(sampleDossier(status), language, test::sampleNow());
            ASSERT_TRUE(slip) << status << ": " << slip.error().message;
        }
    }
    core::Dossier unknown = sampleDossier(4);
    unknown.status = core::DossierStatus::Unknown;
    unknown.due.reset();
    ASSERT_TRUE(maker.statusSlip(unknown, core::Language::En, test::sampleNow()));
    EXPECT_TRUE(maker.strings(core::Language::Vi).missingKeys().empty());
    EXPECT_TRUE(maker.strings(core::Language::En).missingKeys().empty());
}

TEST(SlipJobsTest, ApplicantNamePrintedOnlyWhenConfigured) {
    auto settings = testSettings();
    const auto without = makeMaker(settings);
    settings.printer.printApplicantName = true;
    const auto with = makeMaker(settings);
    const auto dossier = sampleDossier(4);
    ASSERT_FALSE(dossier.applicantMasked.empty());
    EXPECT_GT(heightOf(with, dossier), heightOf(without, dossier));
    core::Dossier anonymous = dossier;
    anonymous.applicantMasked.clear();
    EXPECT_EQ(heightOf(without, dossier), heightOf(without, anonymous));
}

TEST(SlipJobsTest, LookupUrlIsTheTemplateWithTheCodeAndNothingElse) {
    auto settings = testSettings();
    EXPECT_EQ(makeMaker(settings).lookupUrl("000.00.06.H56-231027-0361"),
              "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=000.00.06.H56-231027-0361");
    EXPECT_EQ(makeMaker(settings).lookupUrl("a b&c"), "https://dichvucong.ninhbinh.gov.vn/portaldvc/tra-cuu?MHS=a%20b%26c");
    // No template: no QR on the slip, even when the backend sends a URL (it is never filtered and reused).
    settings.office.publicLookupUrl.clear();
    settings.printer.widthDots = 384;
    const auto maker = makeMaker(settings);
    auto dossier = sampleDossier(9);
    dossier.publicLookupUrl = "https://backend.example/tra-cuu?MHS=" + dossier.code;
    auto slip = maker.statusSlip(dossier, core::Language::Vi, test::sampleNow());
    ASSERT_TRUE(slip) << slip.error().message;
    EXPECT_EQ(slip->raster.width, 384);
    EXPECT_TRUE(slip->qrCodes.empty());
    EXPECT_EQ(decodeQr(slip->raster), "");
}

// Issue "bug 2": the kiosk reads its own slip back. A slip printed with the shipped example config,
// its QR decoded, read by the kiosk's receipt reader with the same config: the dossier code.
TEST(SlipJobsTest, TheExampleConfigReadsBackTheQrOfItsOwnSlip) {
    core::ConfigFiles files;
    files.fleetFile = std::string(KIOSK_SOURCE_ASSETS_DIR) + "/../config/kiosk.example.toml";
    files.fleetExplicit = true;
    files.useLocal = false;
    auto loaded = core::loadSettings(files);
    ASSERT_TRUE(loaded) << loaded.error().message;
    core::Settings settings = loaded->settings;
    settings.paths.assetsDir = KIOSK_SOURCE_ASSETS_DIR;
    const auto maker = makeMaker(settings);
    for (int status : {4, 5, 9}) {
        const auto dossier = sampleDossier(status);
        auto slip = maker.statusSlip(dossier, core::Language::Vi, test::sampleNow());
        ASSERT_TRUE(slip) << slip.error().message;
        const std::string qr = decodeQr(slip->raster);
        ASSERT_FALSE(qr.empty());
        const core::ReceiptReading reading = core::readReceipt(qr, settings.receipt);
        ASSERT_TRUE(std::holds_alternative<core::DossierCode>(reading)) << qr;
        EXPECT_EQ(std::get<core::DossierCode>(reading).value, dossier.code);
    }
}

TEST(SlipJobsTest, GuidanceSlipRendersForABundledEntry) {
    auto loaded = core::guidance::loadCatalog(std::filesystem::path(KIOSK_SOURCE_ASSETS_DIR) / "guidance" / "catalog.json");
    ASSERT_TRUE(loaded) << loaded.error().message;
    const auto* entry = loaded->catalog.find("phieu-ly-lich-tu-phap");
    ASSERT_NE(entry, nullptr);
    const auto maker = makeMaker(testSettings());
    for (const auto language : {core::Language::Vi, core::Language::En}) {
        auto slip = maker.guidanceSlip(*entry, language, test::sampleNow());
        ASSERT_TRUE(slip) << slip.error().message;
        EXPECT_EQ(decodeQr(slip->raster), entry->url);
        EXPECT_TRUE(maker.strings(language).missingKeys().empty());
    }
}

TEST(SlipJobsTest, EscPosJobParsesAndPngRoundTrips) {
    const auto maker = makeMaker(testSettings());
    const auto started = std::chrono::steady_clock::now();
    auto slip = maker.statusSlip(sampleDossier(6), core::Language::Vi, test::sampleNow());
    ASSERT_TRUE(slip) << slip.error().message;
    const auto job = maker.escposJob(*slip);
    auto png = app::SlipMaker::png(*slip);
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    std::cout << "[ figures  ] status slip render + ESC/POS + PNG: " << elapsed.count() << " ms ("
              << slip->raster.width << "x" << slip->raster.height << ", job " << job.size() << " bytes)\n";
    ASSERT_TRUE(png) << png.error().message;

    auto parsed = core::escpos::parseEscPos(job);
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->pages.size(), 1u);
    EXPECT_EQ(parsed->pages[0].image.width, 576);
    EXPECT_EQ(parsed->pages[0].cut, core::escpos::CutMode::Partial);  // printer.cut default
    EXPECT_EQ(decodeQr(parsed->pages[0].image), maker.lookupUrl(sampleDossier(6).code));

    auto decoded = core::slip::decodePng(*png);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(*decoded, slip->raster);

    auto settings = testSettings();
    settings.printer.cut = core::escpos::CutMode::Full;
    auto full = core::escpos::parseEscPos(makeMaker(settings).escposJob(*slip));
    ASSERT_TRUE(full) << full.error().message;
    ASSERT_EQ(full->pages.size(), 1u);
    EXPECT_EQ(full->pages[0].cut, core::escpos::CutMode::Full);
}

TEST(SlipJobsTest, MissingDocumentsAndUnpaidFeesAreListedUnderTheNextStep) {
    const auto maker = makeMaker(testSettings());
    auto needsDocs = sampleDossier(5);
    needsDocs.missingDocuments.clear();
    const int bare = heightOf(maker, needsDocs);
    needsDocs.missingDocuments = {{"Bản sao Căn cước công dân", "bản sao có chứng thực"}, {"Tờ khai mẫu 03", ""}};
    EXPECT_GT(heightOf(maker, needsDocs), bare);

    auto needsPayment = sampleDossier(6);
    needsPayment.fees.clear();
    const int unpaidNone = heightOf(maker, needsPayment);
    needsPayment.fees = {{"Lệ phí cấp phiếu", 200000, true, "", ""}};
    EXPECT_EQ(heightOf(maker, needsPayment), unpaidNone);  // paid fees are not asked for again
    needsPayment.fees.push_back({"Phí thẩm định", 1200000, false, "", ""});
    EXPECT_GT(heightOf(maker, needsPayment), unpaidNone);

    // Other statuses' texts do not point at a list: nothing is added.
    auto processing = sampleDossier(4);
    const int plain = heightOf(maker, processing);
    processing.missingDocuments = needsDocs.missingDocuments;
    EXPECT_EQ(heightOf(maker, processing), plain);
}
