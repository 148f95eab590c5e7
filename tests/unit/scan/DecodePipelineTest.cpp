// The decode pipeline: on the project's decode test set (tests/data/scan, made by tools/receiptgen)
// it must read every image that ZXing (its strongest settings) or zbar reads, and never a wrong
// text; on synthetic frames, each pass must find what it is for and map the outline back; the
// camera schedule must keep frames within the CPU budget.

#include <gtest/gtest.h>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/scan/decode_pipeline.hpp"
#include "kiosk/core/scan/image_ops.hpp"
#include "zbar_reader.hpp"

namespace {

using namespace kiosk::core;

// [SECTION] The decode test set -------------------------------------------------------------------

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
    std::vector<std::filesystem::path> images;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".png" || e.path().extension() == ".jpg") images.push_back(e.path());
    }
    std::sort(images.begin(), images.end());
    for (const auto& p : images) {
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

/// ZXing with its strongest settings (the defaults: tryHarder, tryRotate, tryDownscale).
bool zxingReads(const Sample& s) {
    const ImageView v = s.image.view();
    const auto r = ZXing::ReadBarcode({v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.stride});
    return r.isValid() && r.text() == s.expected;
}

bool zbarReads(const Sample& s) {
    const auto text = kiosk::test::zbarRead(s.image.pixels.data(), s.image.width, s.image.height, true);
    return text && *text == s.expected;
}

TEST(DecodePipelineTest, ReadsEveryImageOfTheSetThatZxingOrZbarReads) {
    const auto set = loadSet();
    ASSERT_GE(set.size(), 60u) << "decode set missing: regenerate with kiosk-receiptgen --out tests/data/scan";
    DecodePipeline pipeline;
    int positives = 0, read = 0, negatives = 0;
    for (const auto& s : set) {
        const auto found = pipeline.decodeStill(s.image.view());
        if (s.expected.empty()) {
            ++negatives;
            EXPECT_FALSE(found) << s.name << ": a code was reported in an image without one";
            continue;
        }
        ++positives;
        if (found && found->text != s.expected) ADD_FAILURE() << s.name << ": decoded a wrong text";
        if (found && found->text == s.expected) {
            ++read;
            continue;
        }
        // Only the misses pay for the reference decoders: a miss is a failure when either reads it.
        const bool zx = zxingReads(s);
        const bool zb = zbarReads(s);
        EXPECT_FALSE(zx || zb) << s.name << ": the pipeline missed a code that " << (zx ? "ZXing" : "zbar") << " reads";
        std::printf("  missed by the pipeline, ZXing and zbar alike: %s\n", s.name.c_str());
    }
    std::printf("decode set: %d images with a code, pipeline read %d; %d without a code, none reported\n", positives, read,
                negatives);
    EXPECT_GE(negatives, 5);
    EXPECT_GE(100.0 * read / positives, 90.0);
}

// [SECTION] Synthetic frames ------------------------------------------------------------------------

constexpr const char* kCode = "000.00.06.H56-231027-0361";

/// A grey frame with a code of `text` whose top-left corner is at (x, y).
LumaImage frameWith(Symbology symbology, int w, int h, int x, int y, int module, bool inverted = false) {
    LumaImage frame;
    frame.resize(w, h);
    std::fill(frame.pixels.begin(), frame.pixels.end(), std::uint8_t{160});
    CodeRenderOptions opts;
    opts.modulePixels = module;
    opts.quietModules = symbology == Symbology::Code128 ? 10 : 4;
    auto code = renderCode(kCode, symbology, opts);
    EXPECT_TRUE(code.has_value());
    if (code) blit(code->view(), frame, x, y);
    if (inverted) invertInto(frame.view(), frame);
    return frame;
}

LumaImage frameWithQr(int w, int h, int x, int y, int module, bool inverted = false) {
    return frameWith(Symbology::QrCode, w, h, x, y, module, inverted);
}

/// The frame turned a quarter clockwise, `turns` times.
LumaImage turned(const LumaImage& src, int turns) {
    LumaImage out = src;
    for (int t = 0; t < turns; ++t) {
        LumaImage next;
        next.resize(out.height, out.width);
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x)
                next.pixels[static_cast<std::size_t>(x) * next.width + (out.height - 1 - y)] = out.pixels[static_cast<std::size_t>(y) * out.width + x];
        out = std::move(next);
    }
    return out;
}

/// Every outline corner lies within `tolerance` px of the rectangle [x0, x1] x [y0, y1].
void expectOutlineInside(const Detection& d, float x0, float y0, float x1, float y1, float tolerance) {
    for (const auto& p : d.outline) {
        EXPECT_GE(p.x, x0 - tolerance) << toString(d.pass);
        EXPECT_LE(p.x, x1 + tolerance) << toString(d.pass);
        EXPECT_GE(p.y, y0 - tolerance) << toString(d.pass);
        EXPECT_LE(p.y, y1 + tolerance) << toString(d.pass);
    }
}

/// For a QR code: the outline spans the code, not one corner of it.
void expectOutlineSpans(const Detection& d, float side) {
    EXPECT_GT(std::abs(d.outline[0].x - d.outline[2].x) + std::abs(d.outline[0].y - d.outline[2].y), side / 2) << toString(d.pass);
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
    expectOutlineSpans(*d, side);
}

TEST(DecodePipelineTest, FastPassReadsAnInvertedCodeOnTheSameFrame) {
    // Light on dark filling most of the frame (a phone screen held close), and a small one.
    for (const int module : {12, 4}) {
        const int size = 37 * module;
        const int x = (640 - size) / 2 + (module == 4 ? 150 : 0);
        const int y = (480 - size) / 2;
        const LumaImage frame = frameWithQr(640, 480, x, y, module, true);
        DecodePipeline pipeline;
        const auto d = pipeline.runPass(DecodePass::Fast, frame.view());
        ASSERT_TRUE(d.has_value()) << "module " << module;
        EXPECT_EQ(d->text, kCode);
        const float q = 4.0f * module;
        expectOutlineInside(*d, x + q, y + q, x + size - q, y + size - q, 8);
        expectOutlineSpans(*d, 29.0f * module);
    }
}

TEST(DecodePipelineTest, FastPassReadsCode128InEveryOrientationAndPolarity) {
    const LumaImage upright = frameWith(Symbology::Code128, 800, 800, 40, 300, 2);
    for (const bool inverted : {false, true}) {
        for (int turns = 0; turns < 4; ++turns) {
            LumaImage frame = turned(upright, turns);
            if (inverted) invertInto(frame.view(), frame);
            DecodePipeline pipeline;
            const auto d = pipeline.runPass(DecodePass::Fast, frame.view());
            ASSERT_TRUE(d.has_value()) << turns << " quarter turns" << (inverted ? ", inverted" : "");
            EXPECT_EQ(d->text, kCode);
            EXPECT_EQ(d->symbology, Symbology::Code128);
            // The scan line lies on the bars: inside the frame, across the code's middle third.
            for (const auto& p : d->outline) {
                EXPECT_GE(p.x, -2.0f);
                EXPECT_LE(p.x, 802.0f);
                EXPECT_GE(p.y, -2.0f);
                EXPECT_LE(p.y, 802.0f);
            }
            const bool along = turns % 2 == 0;  // the bars are upright, the code reads left-right
            const float across = along ? d->outline[0].y : d->outline[0].x;
            EXPECT_GT(across, 290.0f) << turns;
            EXPECT_LT(across, 510.0f) << turns;
        }
    }
}

TEST(DecodePipelineTest, NoisyDimFrameIsReadByTheFastPassInBothPolarities) {
    // The dim lobby: uniform noise of +-20 grey levels and light falling off to the right.
    for (const bool inverted : {false, true}) {
        LumaImage frame = frameWithQr(1280, 720, 500, 200, 4, inverted);
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> n(-20, 20);
        for (int y = 0; y < frame.height; ++y)
            for (int x = 0; x < frame.width; ++x) {
                auto& p = frame.pixels[static_cast<std::size_t>(y) * frame.width + x];
                p = static_cast<std::uint8_t>(std::clamp(static_cast<int>(p * (1.0 - 0.35 * x / frame.width)) + n(rng), 0, 255));
            }
        ASSERT_GT(estimateNoise(frame.view()), 10.0);
        DecodePipeline pipeline;
        const auto d = pipeline.runPass(DecodePass::Fast, frame.view());
        ASSERT_TRUE(d.has_value()) << (inverted ? "inverted" : "ordinary");
        EXPECT_EQ(d->text, kCode);
    }
}

TEST(DecodePipelineTest, EveryQrPassMapsTheOutlineBackToFrameCoordinates) {
    // Off the centre (but inside the centre crop) so that a wrong crop offset, scale or rotation
    // mapping moves the outline off the code. The small upscale crop gets a centred code.
    const int module = 4;
    const int size = (29 + 8) * module;
    const float q = 4.0f * module;
    struct Place {
        int x, y;
    };
    const Place offCentre{230, 150};
    const Place centred{(640 - size) / 2, (480 - size) / 2};
    DecodePipeline pipeline;
    for (DecodePass pass : {DecodePass::TryHarder, DecodePass::Downscaled, DecodePass::Inverted, DecodePass::UpscaledCrop,
                            DecodePass::Whole, DecodePass::Flattened}) {
        const Place at = pass == DecodePass::UpscaledCrop ? centred : offCentre;
        const LumaImage frame = frameWithQr(640, 480, at.x, at.y, pass == DecodePass::UpscaledCrop ? 2 : module, pass == DecodePass::Inverted);
        const float m = pass == DecodePass::UpscaledCrop ? 2.0f : static_cast<float>(module);
        const float s = pass == DecodePass::UpscaledCrop ? (29 + 8) * 2.0f : static_cast<float>(size);
        const auto d = pipeline.runPass(pass, frame.view());
        ASSERT_TRUE(d.has_value()) << toString(pass);
        EXPECT_EQ(d->text, kCode) << toString(pass);
        EXPECT_EQ(d->pass, pass);
        expectOutlineInside(*d, at.x + 4 * m, at.y + 4 * m, at.x + s - 4 * m, at.y + s - 4 * m, 6);
        expectOutlineSpans(*d, s - 2 * q);
    }
}

TEST(DecodePipelineTest, Code128PassesReadBandsAlongTheirOwnDirection) {
    // Low contrast and noise: the bands average 8 lines along the bars before reading.
    LumaImage upright = frameWith(Symbology::Code128, 800, 600, 40, 250, 2);
    for (auto& p : upright.pixels) p = static_cast<std::uint8_t>(110 + p / 5);
    std::mt19937 rng(5);
    std::normal_distribution<double> n(0, 6);
    for (auto& p : upright.pixels) p = static_cast<std::uint8_t>(std::clamp(std::lround(p + n(rng)), 0L, 255L));
    for (const bool inverted : {false, true}) {
        LumaImage flat = upright;
        if (inverted) invertInto(flat.view(), flat);
        const LumaImage side = turned(flat, 1);
        DecodePipeline pipeline;
        const auto h = pipeline.runPass(DecodePass::Code128, flat.view());
        ASSERT_TRUE(h.has_value()) << (inverted ? "inverted" : "ordinary");
        EXPECT_EQ(h->text, kCode);
        EXPECT_GT(h->outline[0].y, 240.0f);
        EXPECT_LT(h->outline[0].y, 360.0f);
        const auto v = pipeline.runPass(DecodePass::Code128Vertical, side.view());
        ASSERT_TRUE(v.has_value()) << (inverted ? "inverted" : "ordinary");
        EXPECT_EQ(v->text, kCode);
        // Turned a quarter clockwise: the code's rows 250..350 became columns 600-350..600-250.
        EXPECT_GT(v->outline[0].x, 240.0f);
        EXPECT_LT(v->outline[0].x, 360.0f);
        // Each reads only its own direction.
        EXPECT_FALSE(pipeline.runPass(DecodePass::Code128, side.view()).has_value());
        EXPECT_FALSE(pipeline.runPass(DecodePass::Code128Vertical, flat.view()).has_value());
    }
}

// [SECTION] The camera schedule -----------------------------------------------------------------------

LumaImage blankFrame() {
    LumaImage blank;
    blank.resize(320, 240);
    std::fill(blank.pixels.begin(), blank.pixels.end(), std::uint8_t{128});
    return blank;
}

/// A fake CPU clock: every reading is `step` later than the one before, so each pass the pipeline
/// times "costs" one step and a frame costs a step per reading. The test reads `now` directly.
struct StepClock {
    std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(0);
    std::chrono::nanoseconds step;
    CpuClock clock() const {
        return [now = now, step = step.count()] {
            *now += step;
            return std::chrono::nanoseconds(*now);
        };
    }
};

TEST(DecodePipelineTest, WithoutAClockOneExtraPassRunsPerFrameInRotation) {
    const LumaImage blank = blankFrame();
    DecodePipeline pipeline;
    const auto& order = pipeline.options().extraPasses;
    ASSERT_GE(order.size(), 6u);
    for (std::size_t i = 0; i < 2 * order.size(); ++i) {
        EXPECT_EQ(pipeline.nextExtraPass(), order[i % order.size()]);
        EXPECT_FALSE(pipeline.decodeFrame(blank.view()).has_value());
        EXPECT_EQ(pipeline.extraPassesLastFrame(), 1);
    }
}

TEST(DecodePipelineTest, AGenerousBudgetRunsEveryExtraPassOnOneFrame) {
    StepClock fake{.step = std::chrono::microseconds(100)};
    DecodePipelineOptions options;
    options.clock = fake.clock();
    options.frameBudget = std::chrono::milliseconds(100);
    options.frameCeiling = std::chrono::milliseconds(200);
    DecodePipeline pipeline(options);
    const LumaImage blank = blankFrame();
    EXPECT_FALSE(pipeline.decodeFrame(blank.view()).has_value());
    EXPECT_EQ(pipeline.extraPassesLastFrame(), static_cast<int>(options.extraPasses.size()));
}

TEST(DecodePipelineTest, FramesStayUnderTheCeilingAverageTheBudgetAndEveryPassGetsItsTurn) {
    StepClock fake{.step = std::chrono::microseconds(400)};
    DecodePipelineOptions options;
    options.clock = fake.clock();
    options.frameBudget = std::chrono::microseconds(1500);
    options.frameCeiling = std::chrono::microseconds(3000);
    DecodePipeline pipeline(options);
    const LumaImage blank = blankFrame();
    std::int64_t total = 0;
    int extra = 0;
    constexpr int kFrames = 60;
    for (int i = 0; i < kFrames; ++i) {
        const std::int64_t before = *fake.now;
        pipeline.decodeFrame(blank.view());
        const std::int64_t spent = *fake.now - before;
        total += spent;
        extra += pipeline.extraPassesLastFrame();
        // A frame never starts a pass it expects to end past the ceiling; the last reading of the
        // frame comes one step after its last pass.
        EXPECT_LE(spent, 3000'000 + 400'000) << "frame " << i;
    }
    // The pipeline's own view of a frame starts one reading later than the test's.
    EXPECT_LE(total / kFrames, 1500'000 + 2 * 400'000) << "average per frame";
    EXPECT_GE(extra, 2 * static_cast<int>(options.extraPasses.size())) << "the rotation went round at least twice";
}

TEST(DecodePipelineTest, APassThatNeverFitsStillRunsNowAndThen) {
    // Each reading costs 0.7 ms: the fast pass (0.7) plus the first guess of a pass's cost (1 ms)
    // is over the 1.6 ms ceiling, so passes wait; once the credit is full and they have waited,
    // one runs anyway and its estimate comes down to what it really costs.
    StepClock fake{.step = std::chrono::microseconds(700)};
    DecodePipelineOptions options;
    options.clock = fake.clock();
    options.frameBudget = std::chrono::microseconds(1500);
    options.frameCeiling = std::chrono::microseconds(1600);
    DecodePipeline pipeline(options);
    const LumaImage blank = blankFrame();
    int firstExtra = -1;
    for (int i = 0; i < 30 && firstExtra < 0; ++i) {
        pipeline.decodeFrame(blank.view());
        if (pipeline.extraPassesLastFrame() > 0) firstExtra = i;
    }
    EXPECT_GE(firstExtra, 1) << "not on the first frames";
    EXPECT_LE(firstExtra, 20) << "but not never";
}

// [SECTION] Bad input -------------------------------------------------------------------------------

TEST(DecodePipelineTest, InvalidAndTinyImagesAreNoCodeNotACrash) {
    DecodePipeline pipeline;
    EXPECT_FALSE(pipeline.decodeStill({}).has_value());
    EXPECT_FALSE(pipeline.decodeFrame({}).has_value());
    const std::uint8_t one = 0;
    const ImageView tiny{&one, 1, 1, 1};
    EXPECT_FALSE(pipeline.decodeStill(tiny).has_value());
    EXPECT_FALSE(pipeline.decodeFrame(tiny).has_value());
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
