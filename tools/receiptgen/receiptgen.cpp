// kiosk-receiptgen: renders receipt-like images and degrades them the way a kiosk camera or a phone
// sees receipts (perspective, curvature, blur, noise, low contrast, glare, inversion, busy scenes,
// small codes in large photos). Each image <case>.png or <case>.jpg (8-bit gray) gets its expected
// decoded text beside it in <case>.txt (empty for the "nocode" cases). See README.md in this folder.
//
// Index:
//   [SECTION] Receipt paper: text blocks and one code
//   [SECTION] Scenes behind the paper: desk, busy desk, dark screen
//   [SECTION] Camera view: homography and cylinder warp with 2x2 supersampling
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
    double codeWidth = 0;    ///< the code with its quiet zone, paper pixels (0 without a code)
    double codeHeight = 0;
};

void fillRect(LumaImage& img, int x, int y, int w, int h, std::uint8_t v) {
    for (int yy = std::max(0, y); yy < std::min(img.height, y + h); ++yy) {
        for (int xx = std::max(0, x); xx < std::min(img.width, x + w); ++xx) {
            img.pixels[static_cast<std::size_t>(yy) * img.width + xx] = v;
        }
    }
}

void fillDisc(LumaImage& img, double cx, double cy, double r, std::uint8_t v) {
    for (int y = std::max(0, static_cast<int>(cy - r)); y < std::min(img.height, static_cast<int>(cy + r) + 1); ++y) {
        for (int x = std::max(0, static_cast<int>(cx - r)); x < std::min(img.width, static_cast<int>(cx + r) + 1); ++x) {
            if (std::hypot(x - cx, y - cy) <= r) img.pixels[static_cast<std::size_t>(y) * img.width + x] = v;
        }
    }
}

/// Lines of "words" (dark bars of random widths) in the rectangle; `lineStep` apart.
void drawText(LumaImage& img, int x0, int y0, int x1, int y1, int lineStep, int glyphHeight, std::mt19937& rng) {
    std::uniform_int_distribution<int> word(glyphHeight, glyphHeight * 6);
    std::uniform_int_distribution<int> ink(25, 80);
    for (int y = y0; y + glyphHeight <= y1; y += lineStep) {
        for (int x = x0;;) {
            const int w = word(rng);
            if (x + w > x1) break;
            fillRect(img, x, y, w, glyphHeight, static_cast<std::uint8_t>(ink(rng)));
            x += w + glyphHeight * 2 / 3 + 1;
        }
    }
}

/// A receipt page: a header, lines of "text", a table frame, and the code at its usual place.
/// Only one code per image so the expected text is unambiguous. `crowded` fills the page with
/// text, a stamp and a ruled table right up to the code's quiet zone (a busy receipt).
Paper renderPaper(Content content, const std::string& text, int modulePixels, bool crowded, std::mt19937& rng) {
    Paper paper;
    LumaImage& img = paper.image;
    img.resize(900, 1200);
    std::fill(img.pixels.begin(), img.pixels.end(), std::uint8_t{238});
    fillRect(img, 60, 50, 780, 26, 40);    // national motto band
    fillRect(img, 250, 100, 400, 30, 30);  // title
    drawText(img, 60, 170, 840, 170 + 22 * 34, 34, 14, rng);
    fillRect(img, 60, 930, 780, 2, 50);  // table frame under the text
    fillRect(img, 60, 1150, 780, 2, 50);
    if (crowded) {
        drawText(img, 60, 940, 840, 1140, 20, 9, rng);
        // A round stamp (printed in red; grey here) and a grid of ruled cells.
        fillDisc(img, 700, 700, 90, 120);
        fillDisc(img, 700, 700, 78, 238);
        drawText(img, 640, 680, 760, 720, 14, 8, rng);
        for (int i = 0; i <= 8; ++i) {
            fillRect(img, 60 + i * 40, 560, 2, 320, 60);
            fillRect(img, 60, 560 + i * 40, 320, 2, 60);
        }
    }
    paper.codeCentreX = 450;
    paper.codeCentreY = 700;
    if (content == Content::None) return paper;
    kiosk::core::CodeRenderOptions opts;
    opts.modulePixels = modulePixels;
    // Quiet zones as the standards ask: 4 modules round a QR code, 10 either side of a Code 128.
    opts.quietModules = content == Content::Code128 ? 10 : 4;
    opts.barHeight = modulePixels * 22;
    opts.light = 238;
    const auto code = kiosk::core::renderCode(text, content == Content::Code128 ? Symbology::Code128 : Symbology::QrCode, opts);
    if (!code) {
        std::fprintf(stderr, "receiptgen: %s\n", code.error().message.c_str());
        std::exit(1);  // NOLINT(concurrency-mt-unsafe): a one-thread command-line tool
    }
    // The code sits in the lower half, over whatever was drawn there (receipts leave it blank).
    const int cx = 450;
    const int cy = content == Content::Code128 ? 1040 : 800;
    const int x = cx - code->width / 2;
    const int y = cy - code->height / 2;
    fillRect(img, x, y, code->width, code->height, 238);
    kiosk::core::blit(code->view(), img, x, y);
    paper.codeCentreX = cx;
    paper.codeCentreY = cy;
    paper.codeWidth = code->width;
    paper.codeHeight = code->height;
    return paper;
}

// [SECTION] Scenes behind the paper: desk, busy desk, dark screen -----------------------------------

enum class Scene {
    Desk,    ///< a dark desk with a gentle gradient
    Busy,    ///< a cluttered desk: other papers, printed text, books, a keyboard, a checked cloth
    Screen,  ///< a phone screen in dark mode: the "paper" is the screen, the border is black
};

/// The picture behind the paper, at the output size.
LumaImage renderScene(Scene scene, int width, int height, std::mt19937& rng) {
    LumaImage bg;
    bg.resize(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double v = scene == Scene::Screen ? 12 : 70 + 30.0 * x / width;
            bg.pixels[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint8_t>(v);
        }
    }
    if (scene != Scene::Busy) return bg;
    const int unit = std::max(4, std::min(width, height) / 60);  // scales the clutter with the image
    std::uniform_int_distribution<int> px(0, width - 1), py(0, height - 1), grey(20, 235);
    std::uniform_int_distribution<int> side(unit * 4, unit * 30);
    // A checked tablecloth corner: a strong periodic pattern, the kind that fakes finder patterns.
    const int check = unit;
    for (int y = 0; y < height / 3; ++y)
        for (int x = 0; x < width / 4; ++x)
            bg.pixels[static_cast<std::size_t>(y) * width + x] = ((x / check + y / check) % 2 == 0) ? 40 : 200;
    // Other papers and objects, some with printed text, a keyboard of small keys.
    for (int i = 0; i < 14; ++i) {
        const int x = px(rng), y = py(rng), w = side(rng), h = side(rng);
        const auto v = static_cast<std::uint8_t>(grey(rng));
        fillRect(bg, x, y, w, h, v);
        if (v > 150 && i % 2 == 0) drawText(bg, x + unit, y + unit, x + w - unit, y + h - unit, unit * 2, std::max(2, unit * 2 / 3), rng);
    }
    {
        const int kx = width * 2 / 3, ky = height * 3 / 4;
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 12; ++c) fillRect(bg, kx + c * unit * 3, ky + r * unit * 3, unit * 5 / 2, unit * 5 / 2, static_cast<std::uint8_t>(30 + 10 * ((r + c) % 3)));
    }
    for (int i = 0; i < 5; ++i) {
        const double r = side(rng) / 2.0;
        const double cx = px(rng), cy = py(rng);
        fillDisc(bg, cx, cy, r, static_cast<std::uint8_t>(grey(rng)));
        fillDisc(bg, cx, cy, r * 0.7, static_cast<std::uint8_t>(grey(rng)));
    }
    return bg;
}

// [SECTION] Camera view: homography and cylinder warp with 2x2 supersampling ------------------------

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

/// Bilinear read; false when (x, y) is outside the image.
bool sampleBilinear(const LumaImage& img, double x, double y, double& out) {
    if (x < 0 || y < 0 || x > img.width - 1 || y > img.height - 1) return false;
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, img.width - 1), y1 = std::min(y0 + 1, img.height - 1);
    const double fx = x - x0, fy = y - y0;
    auto at = [&](int xx, int yy) { return static_cast<double>(img.pixels[static_cast<std::size_t>(yy) * img.width + xx]); };
    out = (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
    return true;
}

struct View {
    int width = 640, height = 480;
    double scale = 0.5;        ///< image pixels per paper pixel
    double codeFill = 0;       ///< when > 0: scale so that the code (with quiet zone) spans this fraction of the image
    double angleDeg = 0;       ///< in-plane rotation
    double keystone = 0;       ///< perspective: 0.2 makes the far (top) edge 20 % narrower
    double keystoneSide = 0;   ///< perspective about the vertical axis: the left edge this much shorter
    double offsetX = 0, offsetY = 0;  ///< code centre offset from the image centre, image pixels
    /// Curved surface: the paper bends round a cylinder of this radius, in units of the code's
    /// width (0: flat). Seen from the front, paper at arc length s from the code centre appears at
    /// R sin(s / R): modules squeeze towards the edges of the bend.
    double curveRadius = 0;
    bool curveAxisHorizontal = false;  ///< false: the axis is vertical (the paper bends left-right)
};

/// Where the paper lands in the image: bend, scale and rotate about the code centre, then tilt.
LumaImage photograph(const Paper& paper, const View& v, const LumaImage& scene) {
    double scale = v.scale;
    if (v.codeFill > 0 && paper.codeWidth > 0) {
        scale = v.codeFill * std::min(v.width, v.height) / std::max(paper.codeWidth, paper.codeHeight);
    }
    const double c = std::cos(v.angleDeg * std::numbers::pi / 180), s = std::sin(v.angleDeg * std::numbers::pi / 180);
    // The homography maps the flat page, in paper pixels relative to the code centre, into the image.
    const double l = -paper.codeCentreX, t = -paper.codeCentreY;
    const double r = paper.image.width - paper.codeCentreX, b = paper.image.height - paper.codeCentreY;
    const std::array<Pt, 4> plane{{{l, t}, {r, t}, {r, b}, {l, b}}};
    std::array<Pt, 4> dst{};
    for (std::size_t i = 0; i < 4; ++i) {
        double dx = plane[i].x * scale;
        double dy = plane[i].y * scale;
        // Keystone: the top edge (far from the camera) shrinks towards the centre line; the side
        // keystone does the same to the left edge.
        if (i < 2) dx *= 1 - v.keystone;
        if (i == 0 || i == 3) dy *= 1 - v.keystoneSide;
        dst[i] = {v.width / 2.0 + v.offsetX + c * dx - s * dy, v.height / 2.0 + v.offsetY + s * dx + c * dy};
    }
    const Mat3 toPlane = homography(dst, plane);
    const double radius = v.curveRadius * std::max(1.0, paper.codeWidth > 0 ? paper.codeWidth : 400.0);
    LumaImage out;
    out.resize(v.width, v.height);
    for (int y = 0; y < v.height; ++y) {
        for (int x = 0; x < v.width; ++x) {
            const double behind = scene.pixels[static_cast<std::size_t>(y) * v.width + x];
            double sum = 0;
            for (double oy : {0.25, 0.75}) {
                for (double ox : {0.25, 0.75}) {
                    Pt p = apply(toPlane, x + ox, y + oy);
                    bool onPaper = true;
                    if (radius > 0) {
                        // Unbend: the projected offset R sin(s/R) back to the arc length s.
                        double& along = v.curveAxisHorizontal ? p.y : p.x;
                        if (std::abs(along) >= radius) {
                            onPaper = false;
                        } else {
                            along = radius * std::asin(along / radius);
                        }
                    }
                    double value = behind;
                    if (onPaper && sampleBilinear(paper.image, p.x + paper.codeCentreX - 0.5, p.y + paper.codeCentreY - 0.5, value)) {
                        sum += value;
                    } else {
                        sum += behind;
                    }
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

/// A hand-held shake: the average along a line of `length` px at `angleDeg`.
void motionBlur(LumaImage& img, double length, double angleDeg) {
    if (length <= 0) return;
    const LumaImage src = img;
    const double dx = std::cos(angleDeg * std::numbers::pi / 180), dy = std::sin(angleDeg * std::numbers::pi / 180);
    const int n = static_cast<int>(std::ceil(length)) * 2 + 1;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            double acc = 0;
            int used = 0;
            for (int i = 0; i < n; ++i) {
                const double t = (static_cast<double>(i) / (n - 1) - 0.5) * length;
                double v = 0;
                if (sampleBilinear(src, x + t * dx, y + t * dy, v)) {
                    acc += v;
                    ++used;
                }
            }
            if (used > 0) img.pixels[static_cast<std::size_t>(y) * img.width + x] = static_cast<std::uint8_t>(std::lround(acc / used));
        }
}

enum class Noise { Gaussian, Uniform };

void addNoise(LumaImage& img, double sigma, Noise kind, std::mt19937& rng) {
    if (sigma <= 0) return;
    std::normal_distribution<double> gauss(0, sigma);
    // Uniform on [-a, a] has sigma a / sqrt(3).
    std::uniform_real_distribution<double> uniform(-sigma * std::sqrt(3.0), sigma * std::sqrt(3.0));
    for (auto& p : img.pixels) {
        const double n = kind == Noise::Gaussian ? gauss(rng) : uniform(rng);
        p = static_cast<std::uint8_t>(std::clamp(std::lround(p + n), 0L, 255L));
    }
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

/// Uneven light: brightness falls linearly by `amount` (0..1) from the left edge to the right, and
/// a shadow darkens everything right of `shadowFrom` (fraction of the width) by `shadow`, with a
/// soft edge.
void light(LumaImage& img, double amount, double shadow, double shadowFrom) {
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const double fx = static_cast<double>(x) / img.width;
            double gain = 1 - amount * fx;
            if (shadow > 0) {
                const double edge = std::clamp((fx - shadowFrom) * 25 + 0.5 + 0.1 * y / img.height, 0.0, 1.0);
                gain *= 1 - shadow * edge;
            }
            auto& p = img.pixels[static_cast<std::size_t>(y) * img.width + x];
            p = static_cast<std::uint8_t>(std::clamp(std::lround(p * gain), 0L, 255L));
        }
}

void invert(LumaImage& img) {
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(255 - p);
}

// [SECTION] The case list --------------------------------------------------------------------------

struct Case {
    std::string name;  ///< "<category>-<what>"; the category groups the benchmark's figures
    Content content = Content::QrUrl;
    int modulePixels = 8;  ///< on the paper; the view scale gives the on-image module size
    View view;
    Scene scene = Scene::Desk;
    bool crowded = false;  ///< text, stamp and a ruled table close around the code
    double blur = 0, motion = 0, motionAngle = 0, noise = 0;
    Noise noiseKind = Noise::Gaussian;
    int contrastLo = 0, contrastHi = 255;
    double glare = 0;           ///< glare strength (0: none); centred a little right of and above the code
    double glareRadius = 0.35;  ///< fraction of the smaller image side
    double lighting = 0, shadow = 0, shadowFrom = 0.5;
    bool inverted = false;
    /// JPEG quality; 0: automatic (PNG, lossless and small, for noise-free images up to 1.3 MP;
    /// JPEG for noisy ones and large photos, as cameras and phones store them); -1: PNG always.
    int jpegQuality = 0;
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
    const Content url = Content::QrUrl, bare = Content::QrBare, bar = Content::Code128;
    // Code 128 on paper: 2 px bars (the code and its quiet zones fit the page); a 800x600 view at
    // 1.1 gives 2.2 px bars.
    auto bar128 = [](Case& c) { c.modulePixels = 2; c.view.width = 800; c.view.height = 600; c.view.scale = 1.1; };

    // plain: what a kiosk mostly sees.
    add("plain-qr-url-640", url, [](Case& c) { c.jpegQuality = -1; });
    add("plain-qr-bare-720p", bare, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.scale = 0.9; });
    add("plain-qr-url-720p-held", url, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.scale = 0.6; c.view.angleDeg = 6; c.noise = 3; });
    add("plain-qr-url-1080p", url, [](Case& c) { c.view.width = 1920; c.view.height = 1080; c.view.scale = 1.1; });
    add("plain-qr-bare-offcentre", bare, [](Case& c) { c.view.offsetX = 180; c.view.offsetY = -120; c.view.scale = 0.35; });
    add("plain-code128-800", bar, [&](Case& c) { bar128(c); c.jpegQuality = -1; });
    add("plain-code128-720p", bar, [&](Case& c) { bar128(c); c.view.width = 1280; c.view.height = 720; c.view.scale = 1.5; });

    // rotated: in-plane rotation (a QR reads at any angle; a 1D code only along its bars).
    for (int angle : {30, 45, 90, 135}) {
        add("rotated-qr-" + std::string(angle % 90 == 0 ? "bare" : "url") + "-" + std::to_string(angle), angle % 90 == 0 ? bare : url,
            [angle](Case& c) { c.view.angleDeg = angle; });
    }
    add("rotated-code128-3", bar, [&](Case& c) { bar128(c); c.view.angleDeg = 3; });
    add("rotated-code128-90", bar, [&](Case& c) { bar128(c); c.view.angleDeg = 90; c.view.width = 600; c.view.height = 800; });
    add("rotated-code128-180", bar, [&](Case& c) { bar128(c); c.view.angleDeg = 180; });
    add("rotated-code128-270", bar, [&](Case& c) { bar128(c); c.view.angleDeg = 270; c.view.width = 600; c.view.height = 800; c.noise = 3; });
    add("rotated-code128-8", bar, [&](Case& c) { bar128(c); c.view.angleDeg = 8; });

    // inverted: light-on-dark codes (photocopies, dark-mode phone screens), most filling the picture.
    add("inverted-qr-url-fill80", url, [](Case& c) { c.view.codeFill = 0.8; c.inverted = true; });
    add("inverted-qr-bare-fill90-720p", bare, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.codeFill = 0.9; c.inverted = true; c.noise = 3; });
    add("inverted-qr-url-fill70-rot20", url, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.codeFill = 0.7; c.view.angleDeg = 20; c.inverted = true; });
    add("inverted-qr-url-fill85-noise", url, [](Case& c) { c.view.codeFill = 0.85; c.view.angleDeg = -8; c.inverted = true; c.noise = 12; });
    add("inverted-qr-url-fill60-corner", url, [](Case& c) { c.view.width = 1920; c.view.height = 1080; c.view.codeFill = 0.6; c.view.offsetX = -520; c.view.offsetY = 150; c.inverted = true; });
    add("inverted-qr-bare-fill95", bare, [](Case& c) { c.view.codeFill = 0.97; c.inverted = true; });
    add("inverted-qr-url-screen", url, [](Case& c) { c.scene = Scene::Screen; c.view.codeFill = 0.75; c.view.keystone = 0.1; c.inverted = true; c.noise = 4; });
    add("inverted-qr-bare-small", bare, [](Case& c) { c.view.scale = 0.5; c.inverted = true; });
    add("inverted-qr-url-fill80-blur", url, [](Case& c) { c.view.codeFill = 0.8; c.inverted = true; c.blur = 1.5; });
    add("inverted-code128-fill", bar, [&](Case& c) { bar128(c); c.view.codeFill = 0.95; c.inverted = true; });
    add("inverted-code128-90", bar, [&](Case& c) { bar128(c); c.view.angleDeg = 90; c.view.width = 600; c.view.height = 800; c.inverted = true; });

    // small: small codes in large photos (phone pictures of a whole receipt or a whole desk).
    auto photo = [](Case& c, int w, int h) { c.view.width = w; c.view.height = h; c.blur = 0.7; };
    add("small-qr-url-5mp-4px", url, [&](Case& c) { photo(c, 2592, 1944); c.view.scale = 0.5; c.view.offsetX = 700; c.view.offsetY = 400; });
    add("small-qr-url-8mp-3_5px", url, [&](Case& c) { photo(c, 3264, 2448); c.view.scale = 0.44; c.view.offsetX = -900; c.view.offsetY = -600; c.view.angleDeg = 12; });
    add("small-qr-bare-12mp-3px", bare, [&](Case& c) { photo(c, 4000, 3000); c.view.scale = 0.375; c.view.offsetX = 1300; c.view.offsetY = -1000; });
    add("small-qr-url-5mp-busy", url, [&](Case& c) { photo(c, 2592, 1944); c.scene = Scene::Busy; c.view.scale = 0.5; c.view.offsetX = -800; c.view.offsetY = 550; c.view.angleDeg = -20; });
    add("small-qr-bare-8mp-2_5px", bare, [&](Case& c) { photo(c, 3264, 2448); c.view.scale = 0.31; c.view.offsetX = 400; c.view.offsetY = 900; });
    add("small-code128-5mp", bar, [&](Case& c) { photo(c, 2592, 1944); c.modulePixels = 2; c.view.scale = 1.35; c.view.offsetX = -600; c.view.offsetY = 500; });
    add("small-qr-url-1080p-2px", url, [](Case& c) { c.view.width = 1920; c.view.height = 1080; c.view.scale = 0.25; c.view.offsetX = 500; c.view.offsetY = -250; });
    add("small-qr-bare-2px", bare, [](Case& c) { c.view.scale = 0.25; c.jpegQuality = -1; });
    add("small-qr-url-1_6px", url, [](Case& c) { c.view.scale = 0.2; c.view.width = 800; c.view.height = 600; c.jpegQuality = -1; });
    add("small-qr-bare-1_5px", bare, [](Case& c) { c.view.scale = 0.1875; c.view.width = 800; c.view.height = 600; c.jpegQuality = -1; });

    // tilt: perspective (the receipt held at an angle to the camera).
    add("tilt-qr-url-mild", url, [](Case& c) { c.view.keystone = 0.15; c.view.angleDeg = 5; });
    add("tilt-qr-bare-strong", bare, [](Case& c) { c.view.keystone = 0.35; c.view.angleDeg = -12; });
    add("tilt-qr-url-strong", url, [](Case& c) { c.view.keystone = 0.4; c.view.angleDeg = 25; c.view.scale = 0.5; });
    add("tilt-qr-url-steep", url, [](Case& c) { c.view.keystone = 0.5; c.view.angleDeg = 25; c.view.scale = 0.45; });
    add("tilt-qr-bare-two-axes", bare, [](Case& c) { c.view.keystone = 0.35; c.view.keystoneSide = 0.3; c.view.angleDeg = 40; c.noise = 3; });
    add("tilt-qr-url-two-axes-720p", url, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.scale = 0.7; c.view.keystone = 0.3; c.view.keystoneSide = -0.35; c.view.angleDeg = -15; c.noise = 3; });
    add("tilt-qr-url-steep-small", url, [](Case& c) { c.view.keystone = 0.45; c.view.keystoneSide = 0.2; c.view.scale = 0.35; });
    add("tilt-code128", bar, [&](Case& c) { bar128(c); c.view.keystone = 0.25; });
    add("tilt-code128-side", bar, [&](Case& c) { bar128(c); c.view.keystoneSide = 0.35; c.view.angleDeg = 4; });

    // curved: the receipt curls or is wrapped round something (radius in code widths).
    add("curved-qr-url-r1_2", url, [](Case& c) { c.view.curveRadius = 1.2; c.view.scale = 0.6; });
    add("curved-qr-bare-r0_8", bare, [](Case& c) { c.view.curveRadius = 0.8; c.view.scale = 0.6; });
    add("curved-qr-url-r0_7", url, [](Case& c) { c.view.curveRadius = 0.7; c.view.scale = 0.6; });
    add("curved-qr-url-r0_6", url, [](Case& c) { c.view.curveRadius = 0.6; c.view.scale = 0.6; });
    add("curved-qr-url-horizontal-r0_8", url, [](Case& c) { c.view.curveRadius = 0.8; c.view.curveAxisHorizontal = true; c.view.scale = 0.6; });
    add("curved-qr-bare-r0_9-tilt", bare, [](Case& c) { c.view.curveRadius = 0.9; c.view.keystone = 0.2; c.view.angleDeg = 15; c.view.scale = 0.6; c.noise = 3; });
    add("curved-qr-url-r1-720p", url, [](Case& c) { c.view.width = 1280; c.view.height = 720; c.view.scale = 0.8; c.view.curveRadius = 1.0; c.view.angleDeg = -7; c.noise = 3; });
    add("curved-qr-url-r0_5", url, [](Case& c) { c.view.curveRadius = 0.5; c.view.scale = 0.7; });
    add("curved-qr-url-r0_55", url, [](Case& c) { c.view.curveRadius = 0.55; c.view.scale = 0.8; c.noise = 2; });
    add("curved-qr-url-horizontal-r0_6", url, [](Case& c) { c.view.curveRadius = 0.6; c.view.curveAxisHorizontal = true; c.view.scale = 0.8; c.noise = 2; });
    add("curved-qr-bare-horizontal-r0_5", bare, [](Case& c) { c.view.curveRadius = 0.5; c.view.curveAxisHorizontal = true; c.view.scale = 0.6; });
    add("curved-code128-r1", bar, [&](Case& c) { bar128(c); c.view.curveRadius = 1.0; });
    add("curved-code128-r0_7", bar, [&](Case& c) { bar128(c); c.view.curveRadius = 0.7; });

    // blur: out of focus and hand-held shake.
    add("blur-qr-url-1", url, [](Case& c) { c.blur = 1.0; });
    add("blur-qr-bare-1_6", bare, [](Case& c) { c.blur = 1.6; c.view.scale = 0.6; });
    add("blur-qr-url-2_4", url, [](Case& c) { c.blur = 2.4; c.view.scale = 0.7; });
    add("blur-qr-url-3", url, [](Case& c) { c.blur = 3.0; c.view.scale = 0.8; });
    add("blur-qr-url-motion-6", url, [](Case& c) { c.motion = 6; c.motionAngle = 0; c.view.scale = 0.6; });
    add("blur-qr-bare-motion-8-diag", bare, [](Case& c) { c.motion = 8; c.motionAngle = 35; c.view.scale = 0.6; });
    add("blur-qr-url-motion-10", url, [](Case& c) { c.motion = 10; c.motionAngle = 80; c.view.scale = 0.8; });
    add("blur-qr-url-4", url, [](Case& c) { c.blur = 4.0; c.view.scale = 1.0; c.noise = 2; });
    add("blur-qr-bare-3_6", bare, [](Case& c) { c.blur = 3.6; c.view.scale = 0.9; c.noise = 2; });
    add("blur-code128-0_9", bar, [&](Case& c) { bar128(c); c.blur = 0.9; });
    add("blur-code128-motion-vertical", bar, [&](Case& c) { bar128(c); c.motion = 12; c.motionAngle = 90; });

    // lowcontrast: faint print, a dark lobby, a shadow over the code.
    add("lowcontrast-qr-url-100-150", url, [](Case& c) { c.contrastLo = 100; c.contrastHi = 150; });
    add("lowcontrast-qr-bare-dark", bare, [](Case& c) { c.contrastLo = 20; c.contrastHi = 60; c.noise = 3; });
    add("lowcontrast-qr-url-faint-noisy", url, [](Case& c) { c.contrastLo = 112; c.contrastHi = 144; c.noise = 6; });
    add("lowcontrast-qr-bare-faint-30", bare, [](Case& c) { c.contrastLo = 120; c.contrastHi = 150; c.noise = 3; });
    add("lowcontrast-qr-url-shadow", url, [](Case& c) { c.shadow = 0.6; c.shadowFrom = 0.52; });
    add("lowcontrast-qr-url-gradient", url, [](Case& c) { c.lighting = 0.75; c.contrastLo = 60; c.contrastHi = 180; c.noise = 3; });
    add("lowcontrast-qr-bare-rot63", bare, [](Case& c) { c.view.angleDeg = 63; c.contrastLo = 90; c.contrastHi = 160; c.noise = 5; });
    add("lowcontrast-code128", bar, [&](Case& c) { bar128(c); c.contrastLo = 100; c.contrastHi = 150; });
    add("lowcontrast-code128-shadow", bar, [&](Case& c) { bar128(c); c.shadow = 0.55; c.shadowFrom = 0.45; });

    // glare: a reflection on glossy paper or a plastic sleeve.
    add("glare-qr-url", url, [](Case& c) { c.glare = 150; });
    add("glare-qr-bare-strong", bare, [](Case& c) { c.glare = 220; c.glareRadius = 0.25; });
    add("glare-qr-url-tilt", url, [](Case& c) { c.glare = 150; c.view.keystone = 0.25; c.view.angleDeg = -30; });
    add("glare-qr-url-faint", url, [](Case& c) { c.contrastLo = 100; c.contrastHi = 140; c.glare = 150; c.noise = 3; });
    add("glare-qr-bare-wide", bare, [](Case& c) { c.glare = 120; c.glareRadius = 0.6; });
    add("glare-code128", bar, [&](Case& c) { bar128(c); c.glare = 130; c.glareRadius = 0.3; });

    // busy: cluttered scenes and crowded receipts (false finder patterns, text up to the code).
    add("busy-qr-url-desk", url, [](Case& c) { c.scene = Scene::Busy; c.view.scale = 0.3; c.view.offsetX = -120; c.noise = 3; });
    add("busy-qr-bare-desk-720p", bare, [](Case& c) { c.scene = Scene::Busy; c.view.width = 1280; c.view.height = 720; c.view.scale = 0.4; c.view.offsetX = 300; c.view.angleDeg = 10; c.noise = 3; });
    add("busy-qr-url-crowded", url, [](Case& c) { c.crowded = true; c.view.scale = 0.55; });
    add("busy-qr-url-crowded-tilt", url, [](Case& c) { c.crowded = true; c.scene = Scene::Busy; c.view.scale = 0.45; c.view.keystone = 0.25; c.view.angleDeg = 18; c.noise = 3; });
    add("busy-qr-bare-desk-1080p", bare, [](Case& c) { c.scene = Scene::Busy; c.view.width = 1920; c.view.height = 1080; c.view.scale = 0.45; c.view.offsetX = -500; c.view.offsetY = 200; });
    add("busy-qr-url-desk-noisy", url, [](Case& c) { c.scene = Scene::Busy; c.crowded = true; c.view.scale = 0.4; c.noise = 10; });
    add("busy-qr-url-desk-small", url, [](Case& c) { c.scene = Scene::Busy; c.crowded = true; c.view.scale = 0.22; c.view.offsetX = 200; c.view.offsetY = 100; c.noise = 4; });
    add("busy-qr-bare-desk-glare", bare, [](Case& c) { c.scene = Scene::Busy; c.crowded = true; c.view.scale = 0.3; c.glare = 140; c.noise = 3; });
    add("busy-code128-desk", bar, [&](Case& c) { bar128(c); c.scene = Scene::Busy; c.crowded = true; c.view.width = 1280; c.view.height = 720; c.view.scale = 0.9; c.view.offsetX = 150; });

    // noise: sensor noise in dim light (the uniform +-20 case is the webcam model).
    add("noise-qr-url-12", url, [](Case& c) { c.noise = 12; });
    add("noise-qr-bare-24", bare, [](Case& c) { c.noise = 24; c.view.scale = 0.6; });
    add("noise-qr-url-40", url, [](Case& c) { c.noise = 40; c.view.scale = 0.7; });
    add("noise-qr-url-uniform20", url, [](Case& c) { c.view.width = 960; c.view.height = 540; c.view.scale = 0.45; c.noise = 11.5; c.noiseKind = Noise::Uniform; c.lighting = 0.3; });
    add("noise-qr-bare-24-tilt", bare, [](Case& c) { c.noise = 24; c.view.scale = 0.6; c.view.keystone = 0.2; c.view.angleDeg = 17; });
    add("noise-qr-url-55", url, [](Case& c) { c.noise = 55; c.view.scale = 0.8; });
    add("noise-qr-bare-uniform35-gradient", bare, [](Case& c) { c.noise = 20; c.noiseKind = Noise::Uniform; c.lighting = 0.5; c.view.scale = 0.5; });
    add("noise-code128-12", bar, [&](Case& c) { bar128(c); c.noise = 12; });

    // nocode: no code anywhere; nothing may be reported.
    add("nocode-receipt", Content::None, [](Case& c) { c.jpegQuality = -1; });
    add("nocode-receipt-noise", Content::None, [](Case& c) { c.noise = 12; c.view.angleDeg = 20; });
    add("nocode-receipt-inverted", Content::None, [](Case& c) { c.inverted = true; c.view.scale = 0.8; });
    add("nocode-receipt-crowded", Content::None, [](Case& c) { c.crowded = true; c.view.scale = 0.6; });
    add("nocode-busy-desk", Content::None, [](Case& c) { c.scene = Scene::Busy; c.view.scale = 0.3; c.noise = 3; });
    add("nocode-busy-desk-720p", Content::None, [](Case& c) { c.scene = Scene::Busy; c.crowded = true; c.view.width = 1280; c.view.height = 720; c.view.scale = 0.4; c.noise = 3; });
    add("nocode-busy-desk-inverted", Content::None, [](Case& c) { c.scene = Scene::Busy; c.view.scale = 0.35; c.inverted = true; });
    add("nocode-photo-5mp", Content::None, [&](Case& c) { photo(c, 2592, 1944); c.scene = Scene::Busy; c.view.scale = 1.2; });
    add("nocode-screen-dark", Content::None, [](Case& c) { c.scene = Scene::Screen; c.view.scale = 0.5; c.inverted = true; c.noise = 4; });
    add("nocode-receipt-blur-glare", Content::None, [](Case& c) { c.blur = 1.5; c.glare = 150; c.view.scale = 0.7; });
    add("nocode-uniform20", Content::None, [](Case& c) { c.view.width = 960; c.view.height = 540; c.view.scale = 0.45; c.noise = 11.5; c.noiseKind = Noise::Uniform; c.lighting = 0.3; });
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

/// Each case draws from its own generator, seeded from the set's seed and the case name (FNV-1a):
/// adding or reordering cases leaves every other image as it was.
std::mt19937 caseRng(unsigned seed, const std::string& name) {
    std::uint32_t h = 2166136261u;
    for (unsigned char ch : name) h = (h ^ ch) * 16777619u;
    std::seed_seq seq{seed, h};
    return std::mt19937(seq);
}

}  // namespace

// [SECTION] main -----------------------------------------------------------------------------------

int main(int argc, char** argv) {
    CLI::App cli{"Renders degraded receipt images with their expected text (the scan test set)", "kiosk-receiptgen"};
    std::string outDir;
    unsigned seed = 20231027;
    std::string portal = "dichvucong.gov.vn";
    bool list = false;
    std::string only;
    cli.add_option("--out", outDir, "Output folder (created if missing)");
    cli.add_option("--seed", seed, "Random seed (same seed, same images)")->capture_default_str();
    cli.add_option("--portal", portal, "Host of the lookup URLs in the QR codes")->capture_default_str();
    cli.add_option("--only", only, "Render only the cases whose name contains this text");
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
           
            c.jpegQuality = -1;
            cases.push_back(c);
        }
    }
    if (!only.empty()) std::erase_if(cases, [&](const Case& c) { return c.name.find(only) == std::string::npos; });
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
    std::size_t totalBytes = 0;
    for (std::size_t index = 0; index < cases.size(); ++index) {
        const Case& c = cases[index];
        std::mt19937 rng = caseRng(seed, c.name);
        const std::string code = demoCodes.empty() ? dossierCode(rng) : demoCodes[index];
        std::string expected;
        switch (c.content) {
            case Content::QrUrl: expected = "https://" + portal + "/portaldvc/tra-cuu?SGT=" + fakeCitizenId(rng) + "&MHS=" + code; break;
            case Content::QrBare:
            case Content::Code128: expected = code; break;
            case Content::None: break;
        }
        const Paper paper = renderPaper(c.content, expected, c.modulePixels, c.crowded, rng);
        const LumaImage scene = renderScene(c.scene, c.view.width, c.view.height, rng);
        LumaImage img = photograph(paper, c.view, scene);
        if (c.glare > 0) addGlare(img, 0.55, 0.45, c.glareRadius, c.glare);
        if (c.lighting > 0 || c.shadow > 0) light(img, c.lighting, c.shadow, c.shadowFrom);
        gaussianBlur(img, c.blur);
        motionBlur(img, c.motion, c.motionAngle);
        if (c.contrastLo != 0 || c.contrastHi != 255) squeezeContrast(img, c.contrastLo, c.contrastHi);
        if (c.inverted) invert(img);
        addNoise(img, c.noise, c.noiseKind, rng);
        int quality = c.jpegQuality;
        if (quality == 0) {
            // Noise is incompressible: heavy noise gets the quality of a webcam's MJPEG stream,
            // large photos that of a phone; both keep the committed set small.
            if (c.noise >= 10) quality = 55;
            else if (img.width * img.height > 1'300'000) quality = 70;
            else quality = c.noise > 0 ? 70 : -1;
        }
        const bool jpeg = quality > 0;
        const auto encoded = jpeg ? kiosk::core::encodeJpeg(img.view(), quality) : kiosk::core::encodePng(img.view());
        if (!encoded) {
            std::fprintf(stderr, "kiosk-receiptgen: %s: %s\n", c.name.c_str(), encoded.error().message.c_str());
            return 1;
        }
        const auto base = std::filesystem::path(outDir) / c.name;
        // A case changes format when its quality does: never leave the other file behind.
        std::filesystem::remove(base.string() + (jpeg ? ".png" : ".jpg"), ec);
        std::ofstream(base.string() + (jpeg ? ".jpg" : ".png"), std::ios::binary)
            .write(reinterpret_cast<const char*>(encoded->data()), static_cast<std::streamsize>(encoded->size()));
        std::ofstream(base.string() + ".txt", std::ios::binary) << expected;
        totalBytes += encoded->size();
    }
    std::printf("kiosk-receiptgen: wrote %zu cases (%zu KiB of images) to %s\n", cases.size(), totalBytes / 1024, outDir.c_str());
    return 0;
}
