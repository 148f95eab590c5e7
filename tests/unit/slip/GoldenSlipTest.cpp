// Golden raster tests: the layout of the main slips compared with reviewed PNGs in tests/data/slips.
// Tolerance rule (tests/data/slips/README.md): same width, height within 1 %, and at most 0.5 % of
// the dots of the common area differ. Glyph rasterisation changes a little between stb_truetype and
// Noto Sans versions (hinting-free outlines still shift by a dot at stroke edges), which moves
// well under 0.5 % of dots; a layout change (a wrapped line, a moved QR, a missing row) moves
// several percent and fails.
//
// KIOSK_UPDATE_GOLDEN=1 rewrites the goldens (and docs/slips/test-page-58mm.png) after a reviewed
// change. The other docs/slips previews show the kiosk's real wording: tools/slip_previews.sh.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kiosk/core/slip/guidance_slip.hpp"
#include "kiosk/core/slip/status_slip.hpp"
#include "kiosk/core/slip/test_page.hpp"
#include "tests/support/slip_samples.hpp"

using namespace kiosk::core;
using namespace kiosk::core::slip;

namespace {

GuidanceSlipInput sampleGuidance() {
    GuidanceSlipInput in;
    in.title = "Cấp Phiếu lý lịch tư pháp trực tuyến";
    in.steps = {"Đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử VNeID mức 2",
                "Chọn thủ tục “Cấp Phiếu lý lịch tư pháp” và điền tờ khai",
                "Thanh toán lệ phí trực tuyến, nhận kết quả qua bưu điện"};
    in.documents = {"Căn cước công dân (bản chụp)", "Giấy tờ chứng minh nơi cư trú (nếu có)"};
    in.serviceUrl = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234";
    in.helpLine = "Tổng đài 1900 1234";
    in.officeName = "Trung tâm Phục vụ hành chính công tỉnh Ninh Bình";
    in.printedAt = kiosk::test::sampleNow();
    return in;
}

struct Case {
    std::string name;
    Slip slip;
    int width;
};

std::vector<Case> cases() {
    const auto samples = kiosk::test::statusSamples();
    std::vector<Case> out;
    for (int status : {4, 5, 6, 9}) {
        out.push_back({"status-" + std::to_string(status) + "-58mm",
                       buildStatusSlip(samples[static_cast<std::size_t>(status - 1)].answer,
                                       samples[static_cast<std::size_t>(status - 1)].input),
                       384});
    }
    out.push_back({"status-5-80mm", buildStatusSlip(samples[4].answer, samples[4].input), 576});
    out.push_back({"guidance-58mm", buildGuidanceSlip(sampleGuidance()), 384});
    out.push_back({"test-page-58mm",
                   buildTestPage("Trung tâm Phục vụ hành chính công tỉnh Ninh Bình", kiosk::test::sampleNow(), 384,
                                 "kiosk print-test"),
                   384});
    return out;
}

void writeFile(const std::filesystem::path& p, const std::vector<std::uint8_t>& bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST(GoldenSlipTest, MainSlipsMatchTheirGoldensWithinTolerance) {
    const kiosk::test::NotoFonts fonts;
    const auto renderer = fonts.renderer();
    const std::filesystem::path dataDir = std::filesystem::path{KIOSK_TEST_DATA_DIR} / "slips";
    const bool update = std::getenv("KIOSK_UPDATE_GOLDEN") != nullptr;
    for (const auto& c : cases()) {
        SCOPED_TRACE(c.name);
        auto r = renderer.render(c.slip, {.paperWidthDots = c.width});
        ASSERT_TRUE(r) << r.error().message;
        auto png = encodePng(r->raster);
        ASSERT_TRUE(png);
        const auto golden = dataDir / (c.name + ".png");
        if (update) {
            writeFile(golden, *png);
            if (c.name.starts_with("test-page")) {
                writeFile(dataDir.parent_path().parent_path().parent_path() / "docs" / "slips" / (c.name + ".png"), *png);
            }
            continue;
        }
        ASSERT_TRUE(std::filesystem::exists(golden)) << "missing golden " << golden << " (KIOSK_UPDATE_GOLDEN=1)";
        auto expected = decodePng(kiosk::test::readFileBytes(golden.string()));
        ASSERT_TRUE(expected) << expected.error().message;
        ASSERT_EQ(r->raster.width, expected->width);
        ASSERT_LE(std::abs(r->raster.height - expected->height), expected->height / 100 + 1);
        const int h = std::min(r->raster.height, expected->height);
        std::int64_t differing = 0;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < expected->width; ++x) {
                differing += r->raster.get(x, y) != expected->get(x, y);
            }
        }
        const double fraction = static_cast<double>(differing) / (static_cast<double>(h) * expected->width);
        EXPECT_LE(fraction, 0.005) << differing << " dots differ";
    }
}

TEST(GoldenSlipTest, ToleranceCatchesALayoutChange) {
    // The rule must be strict enough to see a real change: dropping one line of the status slip
    // moves everything below it.
    const kiosk::test::NotoFonts fonts;
    auto samples = kiosk::test::statusSamples();
    auto a = fonts.renderer().render(buildStatusSlip(samples[3].answer, samples[3].input));
    samples[3].answer.dueLine.clear();
    auto b = fonts.renderer().render(buildStatusSlip(samples[3].answer, samples[3].input));
    ASSERT_TRUE(a && b);
    const int h = std::min(a->raster.height, b->raster.height);
    std::int64_t differing = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < a->raster.width; ++x) differing += a->raster.get(x, y) != b->raster.get(x, y);
    EXPECT_GT(static_cast<double>(differing) / (static_cast<double>(h) * a->raster.width), 0.005);
}
