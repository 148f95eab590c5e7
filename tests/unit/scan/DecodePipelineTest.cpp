// The decode pipeline on the project's decode test set (tests/data/scan, made by tools/receiptgen):
// it must read at least 95 % of the images, and more than ZXing's ReadBarcode with default hints.

#include <gtest/gtest.h>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
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
        if (!zxOk) std::printf("  ZXing defaults missed %s\n", s.name.c_str());
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

namespace {

using namespace kiosk::core;

constexpr const char* kCode = "000.00.06.H56-231027-0361";

/// A gray frame with a QR of `text` whose top-left corner is at (x, y).
LumaImage frameWithQr(int w, int h, int x, int y, int module, bool inverted = false) {
    LumaImage frame;
    frame.resize(w, h);
    std::fill(frame.pixels.begin(), frame.pixels.end(), std::uint8_t{160});
    CodeRenderOptions opts;
    opts.modulePixels = module;
    auto code = renderCode(kCode, Symbology::QrCode, opts);
    EXPECT_TRUE(code.has_value());
    if (code) blit(code->view(), frame, x, y);
    if (inverted) invertInto(frame.view(), frame);
    return frame;
}

/// Every outline corner lies within `tolerance` px of the code's square [x0, x1] x [y0, y1].
void expectOutlineInside(const Detection& d, float x0, float y0, float x1, float y1, float tolerance) {
    for (const auto& p : d.outline) {
        EXPECT_GE(p.x, x0 - tolerance) << toString(d.pass);
        EXPECT_LE(p.x, x1 + tolerance) << toString(d.pass);
        EXPECT_GE(p.y, y0 - tolerance) << toString(d.pass);
        EXPECT_LE(p.y, y1 + tolerance) << toString(d.pass);
    }
    // The outline spans the code, not one corner of it.
    EXPECT_GT(std::abs(d.outline[0].x - d.outline[2].x) + std::abs(d.outline[0].y - d.outline[2].y), (x1 - x0) / 2);
}

TEST(DecodePipelineTest, FastPassFindsAPlainCodeAndMapsItsOutline) {
    const LumaImage frame = frameWithQr(640, 480, 200, 120, 6);
    DecodePipeline pipeline;
    const auto d = pipeline.runPass(DecodePass::Fast, frame.view());
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->text, kCode);
    EXPECT_EQ(d->symbology, Symbology::QrCode);
    const float quiet = 4 * 6;
    const float side = 29 * 6;  // version 3 QR: 29 modules
    expectOutlineInside(*d, 200 + quiet, 120 + quiet, 200 + quiet + side, 120 + quiet + side, 8);
}

TEST(DecodePipelineTest, EveryQrPassMapsTheOutlineBackToFrameCoordinates) {
    // Off the centre (but inside the 60 % centre crop) so that a wrong crop offset, scale or
    // rotation mapping moves the outline off the code. The small upscale crop gets a centred code.
    const int module = 3;
    const int size = (29 + 8) * module;
    const float q = 4.0f * module;
    struct Place {
        int x, y;
    };
    const Place offCentre{140, 100};
    const Place centred{(640 - size) / 2, (480 - size) / 2};
    DecodePipeline pipeline;
    for (DecodePass pass : {DecodePass::TryHarder, DecodePass::Rotated, DecodePass::Downscaled, DecodePass::Inverted,
                            DecodePass::UpscaledCrop}) {
        const Place at = pass == DecodePass::UpscaledCrop ? centred : offCentre;
        const LumaImage frame = frameWithQr(640, 480, at.x, at.y, module, pass == DecodePass::Inverted);
        const auto d = pipeline.runPass(pass, frame.view());
        ASSERT_TRUE(d.has_value()) << toString(pass);
        EXPECT_EQ(d->text, kCode) << toString(pass);
        EXPECT_EQ(d->pass, pass);
        expectOutlineInside(*d, at.x + q, at.y + q, at.x + size - q, at.y + size - q, 6);
    }
}

TEST(DecodePipelineTest, InvertedCodeNeedsTheInvertedPass) {
    const LumaImage frame = frameWithQr(640, 480, 220, 140, 5, true);
    DecodePipeline pipeline;
    EXPECT_FALSE(pipeline.runPass(DecodePass::Fast, frame.view()).has_value());
    const auto d = pipeline.runPass(DecodePass::Inverted, frame.view());
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->text, kCode);
}

TEST(DecodePipelineTest, ExtraPassesRotateOnePerFrame) {
    LumaImage blank;
    blank.resize(320, 240);
    std::fill(blank.pixels.begin(), blank.pixels.end(), std::uint8_t{128});
    DecodePipeline pipeline;
    const auto& order = pipeline.options().extraPasses;
    ASSERT_GE(order.size(), 6u);
    for (std::size_t i = 0; i < 2 * order.size(); ++i) {
        EXPECT_EQ(pipeline.nextExtraPass(), order[i % order.size()]);
        EXPECT_FALSE(pipeline.decodeFrame(blank.view()).has_value());
    }
    // A frame over budget runs the fast pass only: the rotation does not advance.
    const DecodePass before = pipeline.nextExtraPass();
    pipeline.decodeFrame(blank.view(), false);
    EXPECT_EQ(pipeline.nextExtraPass(), before);
}

TEST(DecodePipelineTest, RotationReachesAnInvertedCodeWithinOneCycle) {
    const LumaImage frame = frameWithQr(640, 480, 220, 140, 5, true);
    DecodePipeline pipeline;
    std::optional<Detection> found;
    std::size_t frames = 0;
    while (!found && frames < pipeline.options().extraPasses.size()) {
        found = pipeline.decodeFrame(frame.view());
        ++frames;
    }
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->pass, DecodePass::Inverted);
}

TEST(DecodePipelineTest, Code128IsReadByItsPass) {
    LumaImage frame;
    frame.resize(800, 300);
    std::fill(frame.pixels.begin(), frame.pixels.end(), std::uint8_t{200});
    CodeRenderOptions opts;
    opts.modulePixels = 2;
    auto bar = renderCode(kCode, Symbology::Code128, opts);
    ASSERT_TRUE(bar.has_value());
    blit(bar->view(), frame, 40, 80);
    DecodePipeline pipeline;
    EXPECT_FALSE(pipeline.runPass(DecodePass::Fast, frame.view()).has_value()) << "the fast pass is QR only";
    const auto d = pipeline.decodeStill(frame.view());
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->text, kCode);
    EXPECT_EQ(d->symbology, Symbology::Code128);
    EXPECT_EQ(d->pass, DecodePass::Code128);
}

TEST(DecodePipelineTest, InvalidAndTinyImagesAreNoCodeNotACrash) {
    DecodePipeline pipeline;
    EXPECT_FALSE(pipeline.decodeStill({}).has_value());
    EXPECT_FALSE(pipeline.decodeFrame({}).has_value());
    const std::uint8_t one = 0;
    const ImageView tiny{&one, 1, 1, 1};
    EXPECT_FALSE(pipeline.decodeStill(tiny).has_value());
    const std::uint8_t bad[4] = {};
    EXPECT_FALSE(pipeline.decodeStill({bad, 4, 1, 2}).has_value()) << "stride below width is invalid";
}

TEST(DecodePipelineTest, UndecodableImageFileIsAnError) {
    const std::string junk = "not a png at all";
    const auto img = decodeImage({reinterpret_cast<const std::uint8_t*>(junk.data()), junk.size()});
    ASSERT_FALSE(img.has_value());
    EXPECT_EQ(img.error().kind, ErrorKind::InvalidInput);
    EXPECT_FALSE(decodeImage({}).has_value());
}

TEST(DecodePipelineTest, PngRoundTripKeepsPixels) {
    const LumaImage frame = frameWithQr(120, 100, 0, 0, 2);
    auto png = encodePng(frame.view());
    ASSERT_TRUE(png.has_value());
    auto back = decodeImage(*png);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->width, 120);
    EXPECT_EQ(back->height, 100);
    EXPECT_EQ(back->pixels, frame.pixels);
}

}  // namespace

namespace {

using namespace kiosk::core;

TEST(DecodePipelineTest, NoisyFrameIsSmoothedBeforeTheFastPassAndStillRead) {
    // Heavy sensor noise on a code with 4 px modules: readable after smoothing.
    LumaImage frame = frameWithQr(640, 480, 200, 100, 4);
    std::mt19937 rng(11);
    std::normal_distribution<double> n(0, 9);
    for (auto& p : frame.pixels) p = static_cast<std::uint8_t>(std::clamp(std::lround(p + n(rng)), 0L, 255L));
    ASSERT_GE(estimateNoise(frame.view()), DecodePipelineOptions{}.smoothAboveNoise);
    DecodePipeline pipeline;
    const auto d = pipeline.runPass(DecodePass::Fast, frame.view());
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->text, kCode);
}

}  // namespace

namespace {

using namespace kiosk::core;

TEST(DecodePipelineTest, LargeFrameFastPassRunsAtHalfSizeAndMapsTheOutlineBack) {
    const int module = 6;
    const LumaImage frame = frameWithQr(1920, 1080, 1300, 200, module);
    DecodePipeline pipeline;
    ASSERT_GT(frame.height, pipeline.options().fastPassMaxHeight);
    const auto d = pipeline.runPass(DecodePass::Fast, frame.view());
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->text, kCode);
    const float q = 4.0f * module;
    expectOutlineInside(*d, 1300 + q, 200 + q, 1300 + q + 29 * module, 200 + q + 29 * module, 8);

    DecodePipelineOptions fullSize;
    fullSize.fastPassMaxHeight = 0;
    DecodePipeline plain(fullSize);
    const auto e = plain.runPass(DecodePass::Fast, frame.view());
    ASSERT_TRUE(e.has_value());
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_NEAR(d->outline[i].x, e->outline[i].x, 4.0f);
        EXPECT_NEAR(d->outline[i].y, e->outline[i].y, 4.0f);
    }
}

}  // namespace

namespace {

using namespace kiosk::core;

TEST(DecodePipelineTest, RandomImagesOfOddShapesNeverCrash) {
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> side(1, 700), pad(0, 9), px(0, 255);
    DecodePipeline pipeline;
    for (int i = 0; i < 40; ++i) {
        const int w = side(rng), h = (i % 5 == 0) ? 1 : side(rng) / 2 + 1;
        const int stride = w + pad(rng);
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h));
        for (auto& b : bytes) b = static_cast<std::uint8_t>(px(rng));
        const ImageView v{bytes.data(), w, h, stride};
        EXPECT_FALSE(pipeline.decodeStill(v).has_value()) << w << "x" << h;
        pipeline.decodeFrame(v);
    }
}

TEST(DecodePipelineTest, TruncatedPngIsAnErrorNotACrash) {
    const LumaImage frame = frameWithQr(200, 200, 10, 10, 3);
    auto png = encodePng(frame.view());
    ASSERT_TRUE(png.has_value());
    for (std::size_t keep : {std::size_t{8}, std::size_t{40}, png->size() / 2}) {
        const std::vector<std::uint8_t> cut(png->begin(), png->begin() + static_cast<std::ptrdiff_t>(keep));
        EXPECT_FALSE(decodeImage(cut).has_value()) << keep;
    }
}

}  // namespace
