// kiosk-receiptgen: renders receipt-like images and degrades them the way a kiosk camera sees
// receipts (perspective, blur, noise, low contrast, glare, inverted, rotated, small modules).
// Each image <case>.png (8-bit gray) gets its expected decoded text beside it in <case>.txt
// (empty for the "no code" cases). See README.md in this folder.
//
// Index:
//   [SECTION] Receipt paper: text blocks and one code
//   [SECTION] Camera view: homography warp with 2x2 supersampling
//   [SECTION] Degradations
//   [SECTION] The case list
//   [SECTION] main

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/scan/code_render.hpp"
#include "kiosk/core/scan/image_view.hpp"

namespace {

using kiosk::core::LumaImage;
using kiosk::core::Symbology;

// [SECTION] Receipt paper: text blocks and one code ---------------------------------------------

enum class Content { QrUrl, QrBare, Code128, None };

struct Paper {
    LumaImage image;
    double codeCentreX = 0;  ///< where the code sits on the paper (the camera aims there)
    double codeCentreY = 0;
};

void fillRect(LumaImage& img, int x, int y, int w, int h, std::uint8_t v) {
    for (int yy = std::max(0, y); yy < std::min(img.height, y + h); ++yy) {
        for (int xx = std::max(0, x); xx < std::min(img.width, x + w); ++xx) {
            img.pixels[static_cast<std::size_t>(yy) * img.width + xx] = v;
        }
    }
}

/// A receipt page: a header, lines of "text" (dark bars of word widths), a table frame, and the
/// code at its usual place. Only one code per image so the expected text is unambiguous.
Paper renderPaper(Content content, const std::string& text, int modulePixels, std::mt19937& rng) {
    Paper paper;
    LumaImage& img = paper.image;
    img.resize(900, 1200);
    std::fill(img.pixels.begin(), img.pixels.end(), std::uint8_t{238});
    std::uniform_int_distribution<int> word(18, 90);
    std::uniform_int_distribution<int> ink(25, 70);
    fillRect(img, 60, 50, 780, 26, 40);   // national motto band
    fillRect(img, 250, 100, 400, 30, 30);  // title
    for (int line = 0; line < 22; ++line) {
        int x = 60;
        const int y = 170 + line * 34;
        const int end = 60 + 780 - (line % 5 == 4 ? 300 : 0);
        while (x < end) {
            const int w = word(rng);
            if (x + w > end) break;
            fillRect(img, x, y, w, 14, static_cast<std::uint8_t>(ink(rng)));
            x += w + 10;
        }
    }
    // Table frame under the text.
    fillRect(img, 60, 930, 780, 2, 50);
    fillRect(img, 60, 1150, 780, 2, 50);
    if (content == Content::None) {
        paper.codeCentreX = 450;
        paper.codeCentreY = 700;
        return paper;
    }
    kiosk::core::CodeRenderOptions opts;
    opts.modulePixels = modulePixels;
    opts.quietModules = 4;
    opts.barHeight = modulePixels * 22;
    opts.light = 238;
    const auto code = kiosk::core::renderCode(text, content == Content::Code128 ? Symbology::Code128 : Symbology::QrCode, opts);
    if (!code) {
        std::fprintf(stderr, "receiptgen: %s\n", code.error().message.c_str());
        std::exit(1);  // NOLINT(concurrency-mt-unsafe): a one-thread command-line tool
    }
    // Clear the area under the code (receipts leave it blank), then draw it in the lower half.
    const int cx = 450;
    const int cy = content == Content::Code128 ? 1040 : 800;
    const int x = cx - code->width / 2;
    const int y = cy - code->height / 2;
    fillRect(img, x, y, code->width, code->height, 238);
    kiosk::core::blit(code->view(), img, x, y);
    paper.codeCentreX = cx;
    paper.codeCentreY = cy;
    return paper;
}

// [SECTION] Camera view: homography warp with 2x2 supersampling ---------------------------------

using Mat3 = std::array<double, 9>;
struct Pt {
    double x, y;
};

/// Solves the 8x8 system for the homography that maps src[i] to dst[i] (Gauss-Jordan, partial pivot).
Mat3 homography(const std::array<Pt, 4>& src, const std::array<Pt, 4>& dst) {
    double a[8][9] = {};
    for (int i = 0; i < 4; ++i) {
        const double x = src[i].x, y = src[i].y, u = dst[i].x, v = dst[i].y;
        double r0[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
        double r1[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        std::copy(r0, r0 + 9, a[2 * i]);
        std::copy(r1, r1 + 9, a[2 * i + 1]);
    }
    for (int c = 0; c < 8; ++c) {
        int p = c;
        for (int r = c + 1; r < 8; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
        for (int k = 0; k < 9; ++k) std::swap(a[c][k], a[p][k]);
        for (int r = 0; r < 8; ++r) {
            if (r == c) continue;
            const double f = a[r][c] / a[c][c];
            for (int k = c; k < 9; ++k) a[r][k] -= f * a[c][k];
        }
    }
    Mat3 h{};
    for (int i = 0; i < 8; ++i) h[static_cast<std::size_t>(i)] = a[i][8] / a[i][i];
    h[8] = 1;
    return h;
}

Pt apply(const Mat3& h, double x, double y) {
    const double w = h[6] * x + h[7] * y + h[8];
    return {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
}

double sampleBilinear(const LumaImage& img, double x, double y, double outside) {
    if (x < 0 || y < 0 || x > img.width - 1 || y > img.height - 1) return outside;
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, img.width - 1), y1 = std::min(y0 + 1, img.height - 1);
    const double fx = x - x0, fy = y - y0;
    auto at = [&](int xx, int yy) { return static_cast<double>(img.pixels[static_cast<std::size_t>(yy) * img.width + xx]); };
    return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

struct View {
    int width = 640, height = 480;
    double scale = 0.5;        ///< image pixels per paper pixel
    double angleDeg = 0;       ///< in-plane rotation
    double keystone = 0;       ///< perspective: 0.2 makes the far edge 20 % narrower
    double offsetX = 0, offsetY = 0;  ///< code centre offset from the image centre, image pixels
};

/// Where the paper lands in the image: scale and rotate about the code centre, then tilt.
LumaImage photograph(const Paper& paper, const View& v) {
    const double c = std::cos(v.angleDeg * std::numbers::pi / 180), s = std::sin(v.angleDeg * std::numbers::pi / 180);
    const double pw = paper.image.width, ph = paper.image.height;
    const std::array<Pt, 4> corners{{{0, 0}, {pw, 0}, {pw, ph}, {0, ph}}};
    std::array<Pt, 4> dst{};
    for (std::size_t i = 0; i < 4; ++i) {
        double dx = (corners[i].x - paper.codeCentreX) * v.scale;
        const double dy = (corners[i].y - paper.codeCentreY) * v.scale;
        // Keystone: the top edge (far from the camera) shrinks towards the centre line.
        if (i < 2) dx *= 1 - v.keystone;
        dst[i] = {v.width / 2.0 + v.offsetX + c * dx - s * dy, v.height / 2.0 + v.offsetY + s * dx + c * dy};
    }
    const Mat3 toPaper = homography(dst, corners);
    LumaImage out;
    out.resize(v.width, v.height);
    for (int y = 0; y < v.height; ++y) {
        for (int x = 0; x < v.width; ++x) {
            // Desk behind the paper: a dark gradient.
            const double desk = 70 + 30.0 * x / v.width;
            double sum = 0;
            for (double oy : {0.25, 0.75}) {
                for (double ox : {0.25, 0.75}) {
                    const Pt p = apply(toPaper, x + ox, y + oy);
                    sum += sampleBilinear(paper.image, p.x - 0.5, p.y - 0.5, desk);
                }
            }
            out.pixels[static_cast<std::size_t>(y) * v.width + x] = static_cast<std::uint8_t>(std::lround(sum / 4));
        }
    }
    return out;
}

// [SECTION] Degradations ---------------------------------------------------------------------------

void gaussianBlur(LumaImage& img, double sigma) {
    if (sigma <= 0) return;
    const int r = static_cast<int>(std::ceil(sigma * 3));
    std::vector<double> k(static_cast<std::size_t>(2 * r + 1));
    double total = 0;
    for (int i = -r; i <= r; ++i) total += k[static_cast<std::size_t>(i + r)] = std::exp(-(i * i) / (2 * sigma * sigma));
    for (double& v : k) v /= total;
    std::vector<double> tmp(img.pixels.size());
    const int w = img.width, h = img.height;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i) acc += k[static_cast<std::size_t>(i + r)] * img.pixels[static_cast<std::size_t>(y) * w + std::clamp(x + i, 0, w - 1)];
            tmp[static_cast<std::size_t>(y) * w + x] = acc;
        }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            double acc = 0;
            for (int i = -r; i <= r; ++i) acc += k[static_cast<std::size_t>(i + r)] * tmp[static_cast<std::size_t>(std::clamp(y + i, 0, h - 1)) * w + x];
            img.pixels[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(std::clamp(std::lround(acc), 0L, 255L));
        }
}

void addNoise(LumaImage& img, double sigma, std::mt19937& rng) {
    std::normal_distribution<double> n(0, sigma);
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(std::clamp(std::lround(p + n(rng)), 0L, 255L));
}

/// Maps 0..255 onto lo..hi (a dim, washed-out print or a dark lobby).
void squeezeContrast(LumaImage& img, int lo, int hi) {
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(lo + (p * (hi - lo) + 127) / 255);
}

/// A bright reflection: adds up to `strength` in a soft disc centred at (cx, cy) (fractions of size).
void addGlare(LumaImage& img, double cx, double cy, double radiusFrac, double strength) {
    const double r = radiusFrac * std::min(img.width, img.height);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const double d = std::hypot(x - cx * img.width, y - cy * img.height) / r;
            if (d >= 1) continue;
            auto& p = img.pixels[static_cast<std::size_t>(y) * img.width + x];
            p = static_cast<std::uint8_t>(std::min(255.0, p + strength * (1 - d * d)));
        }
}

void invert(LumaImage& img) {
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(255 - p);
}

// [SECTION] The case list --------------------------------------------------------------------------

struct Case {
    std::string name;
    Content content = Content::QrUrl;
    int modulePixels = 8;  ///< on the paper; the view scale gives the on-image module size
    View view;
    double blur = 0, noise = 0;
    int contrastLo = 0, contrastHi = 255;
    bool glare = false, inverted = false;
};

std::vector<Case> caseList() {
    std::vector<Case> cases;
    auto add = [&](std::string name, Content content, auto&& tweak) {
        Case c;
        c.name = std::move(name);
        c.content = content;
        tweak(c);
        cases.push_back(std::move(c));
    };
    const std::array<std::pair<const char*, Content>, 2> qrKinds{{{"qr-url", Content::QrUrl}, {"qr-bare", Content::QrBare}}};
    for (const auto& [prefix, kind] : qrKinds) {
        const std::string p = prefix;
        add(p + "-clean", kind, [](Case&) {});
        add(p + "-clean-720p", kind, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.scale = 0.9; });
        for (int angle : {8, 30, 45, 90, 135, 180, 225, 315}) {
            add(p + "-rot" + std::to_string(angle), kind, [angle](Case& c) { c.view.angleDeg = angle; });
        }
        add(p + "-perspective-mild", kind, [](Case& c) { c.view.keystone = 0.15; c.view.angleDeg = 5; });
        add(p + "-perspective-strong", kind, [](Case& c) { c.view.keystone = 0.35; c.view.angleDeg = -12; });
        add(p + "-blur-1", kind, [](Case& c) { c.blur = 1.0; });
        add(p + "-blur-1_6", kind, [](Case& c) { c.blur = 1.6; c.view.scale = 0.6; });
        add(p + "-noise-12", kind, [](Case& c) { c.noise = 12; });
        add(p + "-noise-24", kind, [](Case& c) { c.noise = 24; c.view.scale = 0.6; });
        add(p + "-lowcontrast", kind, [](Case& c) { c.contrastLo = 100; c.contrastHi = 150; });
        add(p + "-lowcontrast-dark", kind, [](Case& c) { c.contrastLo = 20; c.contrastHi = 60; c.noise = 3; });
        add(p + "-glare", kind, [](Case& c) { c.glare = true; });
        add(p + "-inverted", kind, [](Case& c) { c.inverted = true; });
        add(p + "-inverted-rot20", kind, [](Case& c) { c.inverted = true; c.view.angleDeg = 20; });
        add(p + "-small-modules-2px", kind, [](Case& c) { c.view.scale = 0.25; });
        add(p + "-small-modules-1_6px", kind, [](Case& c) { c.view.scale = 0.2; c.view.width = 800; c.view.height = 600; });
        add(p + "-offcentre", kind, [](Case& c) { c.view.offsetX = 180; c.view.offsetY = -120; c.view.scale = 0.35; });
        add(p + "-combo-tilt-blur-noise", kind, [](Case& c) { c.view.keystone = 0.2; c.view.angleDeg = 17; c.blur = 0.8; c.noise = 10; });
        add(p + "-combo-rot-lowcontrast", kind, [](Case& c) { c.view.angleDeg = 63; c.contrastLo = 90; c.contrastHi = 160; c.noise = 5; });
        add(p + "-combo-glare-tilt", kind, [](Case& c) { c.glare = true; c.view.keystone = 0.25; c.view.angleDeg = -30; });
        add(p + "-combo-inverted-noise", kind, [](Case& c) { c.inverted = true; c.noise = 14; c.view.angleDeg = -8; });
        // Harder: past what ZXing's defaults read on their own.
        add(p + "-tiny-modules-1_4px", kind, [](Case& c) { c.view.scale = 0.175; c.view.width = 800; c.view.height = 600; });
        add(p + "-tiny-modules-1_5px", kind, [](Case& c) { c.view.scale = 0.1875; c.view.width = 800; c.view.height = 600; });
        add(p + "-noise-40", kind, [](Case& c) { c.noise = 40; c.view.scale = 0.7; });
        add(p + "-blur-2_4", kind, [](Case& c) { c.blur = 2.4; c.view.scale = 0.7; });
        add(p + "-perspective-steep", kind, [](Case& c) { c.view.keystone = 0.5; c.view.angleDeg = 25; c.view.scale = 0.45; });
        add(p + "-faint-noisy", kind, [](Case& c) { c.contrastLo = 112; c.contrastHi = 144; c.noise = 6; });
        add(p + "-faint-glare", kind, [](Case& c) { c.contrastLo = 100; c.contrastHi = 140; c.glare = true; c.noise = 3; });
    }
    auto bar = [](Case& c) { c.modulePixels = 3; c.view.width = 800; c.view.height = 600; c.view.scale = 0.75; };
    add("code128-clean", Content::Code128, bar);
    add("code128-rot3", Content::Code128, [&](Case& c) { bar(c); c.view.angleDeg = 3; });
    add("code128-rot90", Content::Code128, [&](Case& c) { bar(c); c.view.angleDeg = 90; c.view.width = 600; c.view.height = 800; });
    add("code128-rot180", Content::Code128, [&](Case& c) { bar(c); c.view.angleDeg = 180; });
    add("code128-rot270", Content::Code128, [&](Case& c) { bar(c); c.view.angleDeg = 270; c.view.width = 600; c.view.height = 800; });
    add("code128-blur", Content::Code128, [&](Case& c) { bar(c); c.blur = 0.9; });
    add("code128-noise", Content::Code128, [&](Case& c) { bar(c); c.noise = 12; });
    add("code128-lowcontrast", Content::Code128, [&](Case& c) { bar(c); c.contrastLo = 100; c.contrastHi = 150; });
    add("code128-perspective", Content::Code128, [&](Case& c) { bar(c); c.view.keystone = 0.12; });
    add("code128-glare", Content::Code128, [&](Case& c) { bar(c); c.glare = true; });
    add("code128-inverted", Content::Code128, [&](Case& c) { bar(c); c.inverted = true; });
    add("code128-small-bars", Content::Code128, [&](Case& c) { bar(c); c.view.scale = 0.6; c.view.width = 640; c.view.height = 480; });
    add("nocode-receipt", Content::None, [](Case&) {});
    add("nocode-receipt-noise", Content::None, [](Case& c) { c.noise = 12; c.view.angleDeg = 20; });
    add("nocode-receipt-inverted", Content::None, [](Case& c) { c.inverted = true; });
    return cases;
}

/// A plausible dossier code: agency parts, receipt date YYMMDD, 4-digit daily sequence.
std::string dossierCode(std::mt19937& rng) {
    std::uniform_int_distribution<int> d(0, 9), month(1, 12), day(1, 28), seq(1, 9999), letter(0, 25);
    char buf[64];
    std::snprintf(buf, sizeof buf, "000.%02d.%02d.%c%02d-%02d%02d%02d-%04d", d(rng) * 10 + d(rng), d(rng) * 10 + d(rng),
                  'A' + letter(rng), 10 + d(rng) * 9, 21 + d(rng) % 5, month(rng), day(rng), seq(rng));
    return buf;
}

/// A made-up 12-digit citizen ID: synthetic test data, never a real person's number.
std::string fakeCitizenId(std::mt19937& rng) {
    std::uniform_int_distribution<int> d(0, 9);
    std::string s = "0";
    for (int i = 0; i < 11; ++i) s += static_cast<char>('0' + d(rng));
    return s;
}

}  // namespace

// [SECTION] main -----------------------------------------------------------------------------------

int main(int argc, char** argv) {
    CLI::App cli{"Renders degraded receipt images with their expected text (the scan test set)", "kiosk-receiptgen"};
    std::string outDir;
    unsigned seed = 20231027;
    std::string portal = "dichvucong.gov.vn";
    bool list = false;
    cli.add_option("--out", outDir, "Output folder (created if missing)");
    cli.add_option("--seed", seed, "Random seed (same seed, same images)")->capture_default_str();
    cli.add_option("--portal", portal, "Host of the lookup URLs in the QR codes")->capture_default_str();
    cli.add_flag("--list", list, "Print the case names and exit");
    std::vector<std::string> demoCodes;
    cli.add_option("--code", demoCodes,
                   "Demo mode: render one receipt per dossier code given (repeatable), as a lookup-URL QR "
                   "seen with a slight tilt, instead of the test set");
    CLI11_PARSE(cli, argc, argv);

    auto cases = caseList();
    if (!demoCodes.empty()) {
        cases.clear();
        for (std::size_t i = 0; i < demoCodes.size(); ++i) {
            Case c;
            char name[32];
            std::snprintf(name, sizeof name, "receipt-%02zu", i + 1);
            c.name = name;
            c.view.width = 1280;
            c.view.height = 720;
            c.view.scale = 0.55;
            c.view.angleDeg = (i % 2 == 0) ? 6 : -9;
            c.view.keystone = 0.08;
            c.noise = 2;
            cases.push_back(c);
        }
    }
    if (list) {
        for (const auto& c : cases) std::printf("%s\n", c.name.c_str());
        return 0;
    }
    if (outDir.empty()) {
        std::fprintf(stderr, "kiosk-receiptgen: --out DIR is required\n");
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) {
        std::fprintf(stderr, "kiosk-receiptgen: cannot create %s: %s\n", outDir.c_str(), ec.message().c_str());
        return 1;
    }
    std::mt19937 rng(seed);
    std::size_t totalBytes = 0;
    for (std::size_t index = 0; index < cases.size(); ++index) {
        const Case& c = cases[index];
        const std::string code = demoCodes.empty() ? dossierCode(rng) : demoCodes[index];
        std::string expected;
        switch (c.content) {
            case Content::QrUrl: expected = "https://" + portal + "/portaldvc/tra-cuu?SGT=" + fakeCitizenId(rng) + "&MHS=" + code; break;
            case Content::QrBare:
            case Content::Code128: expected = code; break;
            case Content::None: break;
        }
        Paper paper = renderPaper(c.content, expected, c.content == Content::Code128 ? c.modulePixels : c.modulePixels, rng);
        LumaImage img = photograph(paper, c.view);
        if (c.glare) addGlare(img, 0.55, 0.45, 0.35, 150);
        gaussianBlur(img, c.blur);
        if (c.contrastLo != 0 || c.contrastHi != 255) squeezeContrast(img, c.contrastLo, c.contrastHi);
        if (c.inverted) invert(img);
        if (c.noise > 0) addNoise(img, c.noise, rng);
        const auto png = kiosk::core::encodePng(img.view());
        if (!png) {
            std::fprintf(stderr, "kiosk-receiptgen: %s: %s\n", c.name.c_str(), png.error().message.c_str());
            return 1;
        }
        const auto base = std::filesystem::path(outDir) / c.name;
        std::ofstream(base.string() + ".png", std::ios::binary)
            .write(reinterpret_cast<const char*>(png->data()), static_cast<std::streamsize>(png->size()));
        std::ofstream(base.string() + ".txt", std::ios::binary) << expected;
        totalBytes += png->size();
    }
    std::printf("kiosk-receiptgen: wrote %zu cases (%zu KiB of PNG) to %s\n", cases.size(), totalBytes / 1024, outDir.c_str());
    return 0;
}
