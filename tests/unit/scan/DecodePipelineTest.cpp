// The decode pipeline on the project's decode test set (tests/data/scan, made by tools/receiptgen):
// it must read at least 95 % of the images, and more than ZXing's ReadBarcode with default hints.

#include <gtest/gtest.h>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/scan/image_ops.hpp"

namespace {

using namespace kiosk::core;

struct Sample {
    std::string name;
    LumaImage image;
    std::string expected;  ///< empty: no code in the image
};

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<Sample> loadSet() {
    std::vector<Sample> out;
    const std::filesystem::path dir = std::filesystem::path(KIOSK_TEST_DATA_DIR) / "scan";
    std::vector<std::filesystem::path> pngs;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".png") pngs.push_back(e.path());
    }
    std::sort(pngs.begin(), pngs.end());
    for (const auto& p : pngs) {
        const std::string bytes = readFile(p);
        auto img = decodeImage({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
        if (!img) ADD_FAILURE() << p << ": " << img.error().message;
        if (!img) continue;
        auto txt = p;
        txt.replace_extension(".txt");
        out.push_back({p.stem().string(), std::move(*img), readFile(txt)});
    }
    return out;
}

ImageView lumaOf(const LumaImage& img) { return img.view(); }

TEST(DecodePipelineTest, ReadsTheDecodeSetBetterThanZxingDefaults) {
    const auto set = loadSet();
    ASSERT_GE(set.size(), 60u) << "decode set missing: regenerate with kiosk-receiptgen --out tests/data/scan";
    DecodePipeline pipeline;
    int positives = 0, pipelineRead = 0, zxingRead = 0, falsePositives = 0;
    for (const auto& s : set) {
        const auto found = pipeline.decodeStill(lumaOf(s.image));
        const ImageView v = s.image.view();
        const auto zx = ZXing::ReadBarcode({v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.stride});
        if (s.expected.empty()) {
            if (found) ++falsePositives;
            EXPECT_FALSE(found) << s.name << ": a code was reported in an image without one";
            continue;
        }
        ++positives;
        const bool ok = found && found->text == s.expected;
        const bool zxOk = zx.isValid() && zx.text() == s.expected;
        pipelineRead += ok;
        zxingRead += zxOk;
        if (!ok) std::printf("  pipeline missed %s\n", s.name.c_str());
        if (found && !ok) ADD_FAILURE() << s.name << ": decoded a wrong text";
        if (zxOk && !ok) std::printf("  (ZXing defaults read %s)\n", s.name.c_str());
    }
    const double rate = 100.0 * pipelineRead / positives;
    const double zxRate = 100.0 * zxingRead / positives;
    std::printf("decode set: %d images with a code; pipeline read %d (%.1f %%), ZXing ReadBarcode default hints read %d (%.1f %%); "
                "%d false positives on images without a code\n",
                positives, pipelineRead, rate, zxingRead, zxRate, falsePositives);
    EXPECT_GE(rate, 95.0);
    EXPECT_GT(pipelineRead, zxingRead);
}

}  // namespace
