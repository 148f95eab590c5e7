// Slip layout and rasterisation.
//
// Index
//   [SECTION] Text: UTF-8 decoding and NFC
//   [SECTION] Fonts and glyph cache
//   [SECTION] Line breaking
//   [SECTION] Layout and drawing
#include "kiosk/core/slip/slip_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "kiosk/core/dossier/dossier_time.hpp"
#include "kiosk/core/slip/qr_image.hpp"
#include "kiosk/core/text/utf8.hpp"

// stb_truetype is implemented here, once for the whole program.
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wcast-qual"
#endif
#include <stb/stb_truetype.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace kiosk::core::slip {

// ---------------------------------------------------------------------------------------------
// [SECTION] Text: UTF-8 decoding and NFC
// ---------------------------------------------------------------------------------------------
namespace {

// NFC first (core text: utf8proc underneath), so "e" + U+0302 + U+0301 prints as one glyph "ế"
// rather than a letter with marks drawn on top by guesswork; invalid UTF-8 becomes U+FFFD.
std::u32string toNfcCodePoints(std::string_view s) {
    const std::vector<char32_t> cps = text::decode(text::toNfcLossy(s));
    return {cps.begin(), cps.end()};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Fonts and glyph cache
// ---------------------------------------------------------------------------------------------
struct SlipRenderer::Fonts {
    stbtt_fontinfo regular{};
    stbtt_fontinfo bold{};
};

namespace {

int pixelSize(TextSize size) {
    switch (size) {
        case TextSize::Small: return 20;
        case TextSize::Normal: return 24;
        case TextSize::Large: return 28;
        case TextSize::Title: return 30;
    }
    return 24;
}

// A glyph rasterised once per render at one size: its 1-bit mask and metrics in pixels.
struct Glyph {
    float advance = 0;
    int x0 = 0;  // ink box relative to the pen position on the baseline
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    int glyphIndex = 0;
    std::vector<std::uint8_t> mask;  // (x1-x0)*(y1-y0), 1 = ink
};

// Metrics of one font at one pixel size.
class Face {
public:
    Face(const stbtt_fontinfo& info, int px) : m_info(&info) {
        m_scale = stbtt_ScaleForMappingEmToPixels(&info, static_cast<float>(px));
        int asc = 0;
        int desc = 0;
        int gap = 0;
        stbtt_GetFontVMetrics(&info, &asc, &desc, &gap);
        m_ascent = static_cast<int>(std::ceil(static_cast<float>(asc) * m_scale));
        m_descent = static_cast<int>(std::ceil(static_cast<float>(-desc) * m_scale));
        m_gap = std::max(2, static_cast<int>(std::lround(static_cast<float>(gap) * m_scale)));
    }
    [[nodiscard]] int ascent() const { return m_ascent; }
    [[nodiscard]] int descent() const { return m_descent; }
    [[nodiscard]] int gap() const { return m_gap; }

    const Glyph& glyph(char32_t cp) {
        auto it = m_cache.find(cp);
        if (it != m_cache.end()) {
            return it->second;
        }
        Glyph g;
        g.glyphIndex = stbtt_FindGlyphIndex(m_info, static_cast<int>(cp));
        if (g.glyphIndex == 0 && cp != U'?') {
            // A letter the font lacks prints as '?' rather than an empty box, so staff notice.
            g = glyph(U'?');
            return m_cache.emplace(cp, g).first->second;
        }
        int adv = 0;
        int lsb = 0;
        stbtt_GetGlyphHMetrics(m_info, g.glyphIndex, &adv, &lsb);
        g.advance = static_cast<float>(adv) * m_scale;
        stbtt_GetGlyphBitmapBox(m_info, g.glyphIndex, m_scale, m_scale, &g.x0, &g.y0, &g.x1, &g.y1);
        const int w = g.x1 - g.x0;
        const int h = g.y1 - g.y0;
        if (w > 0 && h > 0) {
            std::vector<std::uint8_t> grey(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
            stbtt_MakeGlyphBitmap(m_info, grey.data(), w, h, w, m_scale, m_scale, g.glyphIndex);
            // Threshold a little below half: thermal dots are round and thin strokes would vanish.
            g.mask.resize(grey.size());
            for (std::size_t k = 0; k < grey.size(); ++k) {
                g.mask[k] = grey[k] >= 100 ? 1 : 0;
            }
            trimToInk(g, w, h);
        } else {
            g.x0 = g.x1 = g.y0 = g.y1 = 0;
        }
        return m_cache.emplace(cp, std::move(g)).first->second;
    }

    float kern(const Glyph& a, const Glyph& b) const {
        return static_cast<float>(stbtt_GetGlyphKernAdvance(m_info, a.glyphIndex, b.glyphIndex)) * m_scale;
    }

private:
    // The bitmap box is conservative; shrink it to the dots that are actually black so the
    // reported boxes are real ink.
    static void trimToInk(Glyph& g, int w, int h) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                if (g.mask[static_cast<std::size_t>(y * w + x)] != 0) {
                    minX = std::min(minX, x);
                    maxX = std::max(maxX, x);
                    minY = std::min(minY, y);
                    maxY = std::max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            g.mask.clear();
            g.x0 = g.x1 = g.y0 = g.y1 = 0;
            return;
        }
        const int nw = maxX - minX + 1;
        const int nh = maxY - minY + 1;
        std::vector<std::uint8_t> trimmed(static_cast<std::size_t>(nw) * static_cast<std::size_t>(nh));
        for (int y = 0; y < nh; ++y) {
            for (int x = 0; x < nw; ++x) {
                trimmed[static_cast<std::size_t>(y * nw + x)] = g.mask[static_cast<std::size_t>((y + minY) * w + x + minX)];
            }
        }
        g.mask = std::move(trimmed);
        g.x0 += minX;
        g.y0 += minY;
        g.x1 = g.x0 + nw;
        g.y1 = g.y0 + nh;
    }

    const stbtt_fontinfo* m_info;
    float m_scale = 1;
    int m_ascent = 0;
    int m_descent = 0;
    int m_gap = 0;
    std::map<char32_t, Glyph> m_cache;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Line breaking
// ---------------------------------------------------------------------------------------------

// Where each glyph of a line goes, relative to the line's left edge and baseline.
struct PlacedGlyph {
    const Glyph* glyph;
    int x;
};

struct MeasuredLine {
    std::vector<PlacedGlyph> glyphs;
    int inkLeft = 0;   // leftmost ink (or pen start, 0)
    int inkRight = 0;  // rightmost ink or pen end
    [[nodiscard]] int width() const { return inkRight - inkLeft; }
};

MeasuredLine measure(Face& face, const std::u32string& text) {
    MeasuredLine line;
    float pen = 0;
    const Glyph* prev = nullptr;
    for (char32_t cp : text) {
        const Glyph& g = face.glyph(cp);
        if (prev != nullptr) {
            pen += face.kern(*prev, g);
        }
        const int x = static_cast<int>(std::lround(pen));
        line.glyphs.push_back({&g, x});
        if (!g.mask.empty()) {
            line.inkLeft = std::min(line.inkLeft, x + g.x0);
            line.inkRight = std::max(line.inkRight, x + g.x1);
        }
        pen += g.advance;
        prev = &g;
    }
    line.inkRight = std::max(line.inkRight, static_cast<int>(std::ceil(pen)));
    return line;
}

// Splits one paragraph into lines no wider than `limit`: breaks at spaces; a word longer than a line
// is cut between code points (a code point is never split, and NFC keeps a Vietnamese letter with its
// marks in one code point).
std::vector<std::u32string> breakLines(Face& face, const std::u32string& paragraph, int limit) {
    std::vector<std::u32string> words;
    std::u32string word;
    for (char32_t cp : paragraph) {
        if (cp == U' ' || cp == U'\t') {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
        } else if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && cp != 0x200B && cp != 0xFEFF) {
            word.push_back(cp);  // control and zero-width characters print nothing
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }

    std::vector<std::u32string> lines;
    std::u32string current;
    for (const auto& w : words) {
        std::u32string candidate = current.empty() ? w : current + U' ' + w;
        if (measure(face, candidate).width() <= limit) {
            current = std::move(candidate);
            continue;
        }
        if (!current.empty()) {
            lines.push_back(std::move(current));
            current.clear();
        }
        if (measure(face, w).width() <= limit) {
            current = w;
            continue;
        }
        // A word longer than a line (a URL): break after a '/', '?', '&' or '=' where one fits, so a
        // host name is never cut ("https://dichvucong.gov.vn/" / "p/home/..."); only then anywhere.
        std::u32string rest = w;
        while (measure(face, rest).width() > limit) {
            std::size_t cut = std::u32string::npos;
            for (std::size_t i = 1; i < rest.size(); ++i) {
                const char32_t c = rest[i - 1];
                if ((c == U'/' || c == U'?' || c == U'&' || c == U'=') && (i < 2 || rest[i - 2] != U'/') &&
                    !(i < rest.size() && rest[i] == U'/') && measure(face, rest.substr(0, i)).width() <= limit) {
                    cut = i;
                }
            }
            if (cut == std::u32string::npos) break;
            lines.push_back(rest.substr(0, cut));
            rest = rest.substr(cut);
        }
        if (measure(face, rest).width() <= limit) {
            current = rest;
            continue;
        }
        for (char32_t cp : rest) {
            std::u32string next = current + cp;
            if (!current.empty() && measure(face, next).width() > limit) {
                lines.push_back(std::move(current));
                current = std::u32string(1, cp);
            } else {
                current = std::move(next);
            }
        }
    }
    if (!current.empty()) {
        lines.push_back(std::move(current));
    }
    return lines;
}

// breakLines without a one-word last line in a short paragraph when a narrower measure avoids it
// with the same number of lines ("Quầy số 2, giờ hành" / "chính" becomes two even lines).
std::vector<std::u32string> breakLinesNoOrphan(Face& face, const std::u32string& paragraph, int limit) {
    auto lines = breakLines(face, paragraph, limit);
    const auto oneWord = [](const std::u32string& line) { return line.find(U' ') == std::u32string::npos; };
    if (lines.size() < 2 || lines.size() > 4 || !oneWord(lines.back())) {
        return lines;
    }
    for (int narrower = limit - limit / 25; narrower >= limit * 3 / 5; narrower -= limit / 25) {
        auto candidate = breakLines(face, paragraph, narrower);
        if (candidate.size() != lines.size()) {
            break;  // one more line is worse than an orphan
        }
        if (!oneWord(candidate.back())) {
            return candidate;
        }
    }
    return lines;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Layout and drawing
// ---------------------------------------------------------------------------------------------

struct RenderFonts {
    const stbtt_fontinfo* regular;
    const stbtt_fontinfo* bold;
};

class Canvas {
public:
    Canvas(const RenderFonts& fonts, const RenderOptions& options)
        : m_fonts(fonts), m_opt(options), m_left(options.marginDots),
          m_right(options.paperWidthDots - options.marginDots) {
        m_out.raster = Raster::blank(options.paperWidthDots, 0);
        m_out.raster.bits.reserve(static_cast<std::size_t>(m_out.raster.rowBytes()) * 2048);
    }

    void text(const TextBlock& block) { m_y = paragraph(block, m_left, m_right, m_y); }

    void separator(const Separator& sep) {
        m_y += 8;
        ensure(m_y + 2);
        for (int x = m_left; x < m_right; ++x) {
            if (sep.dashed && (x - m_left) % 12 >= 7) {
                continue;
            }
            m_out.raster.set(x, m_y);
            m_out.raster.set(x, m_y + 1);
        }
        m_y += 2 + 8;
    }

    Result<void> qr(const QrBlock& block) {
        auto modules = qrModuleCount(block.payload);
        if (!modules) {
            return std::unexpected(modules.error());
        }
        const int available = m_right - m_left;
        const int sideModules = *modules + 2 * kQrQuietZoneModules;
        int dots = m_opt.qrModuleDots;
        if (dots == 0) {
            // 4..6 dots per module (0.5..0.75 mm at 203 dpi): phones read 0.5 mm modules reliably;
            // bigger only wastes paper.
            dots = std::clamp(available / sideModules, 0, 6);
        }
        if (dots < 4 || sideModules * dots > available) {
            return fail(ErrorKind::InvalidInput, "QR code does not fit the paper at 4 dots per module; shorten the URL");
        }
        auto image = renderQr(block.payload, dots);
        if (!image) {
            return std::unexpected(image.error());
        }
        const int x = m_left + (available - image->width) / 2;
        ensure(m_y + image->height);
        m_out.raster.blit(*image, x, m_y);
        m_out.qrCodes.push_back({x, m_y, x + image->width, m_y + image->height});
        m_out.qrPayloads.push_back(block.payload);
        m_out.qrModuleDots = dots;
        m_y += image->height;
        if (!block.caption.empty()) {
            text({block.caption, TextSize::Small, Weight::Regular, Align::Center});
        }
        return {};
    }

    void keyValue(const KeyValueRow& row) {
        const int width = m_right - m_left;
        const int keyRight = m_left + width * 2 / 5;
        const int valueLeft = keyRight + 8;
        const int top = m_y;
        const int keyBottom = paragraph({row.key, TextSize::Small, Weight::Regular, Align::Left}, m_left, keyRight, top);
        const int valueBottom = paragraph(
            {row.value, TextSize::Normal, row.boldValue ? Weight::Bold : Weight::Regular, Align::Left}, valueLeft, m_right,
            top);
        m_y = std::max(keyBottom, valueBottom) + 4;
    }

    void space(int dots) { m_y += std::clamp(dots, 0, 400); }

    RenderedSlip finish() {
        m_y += m_opt.bottomFeedDots;
        m_out.raster.resizeHeight(m_y);
        return std::move(m_out);
    }

private:
    void ensure(int rows) {
        if (rows > m_out.raster.height) {
            m_out.raster.resizeHeight(rows);
        }
    }

    Face& face(TextSize size, Weight weight) {
        const auto key = std::pair{static_cast<int>(size), static_cast<int>(weight)};
        auto it = m_faces.find(key);
        if (it == m_faces.end()) {
            const auto& info = weight == Weight::Bold ? *m_fonts.bold : *m_fonts.regular;
            it = m_faces.emplace(key, Face(info, pixelSize(size))).first;
        }
        return it->second;
    }

    // Lays out and draws a paragraph between columns [left, right) starting at `top`.
    // @return the y below its last line.
    int paragraph(const TextBlock& block, int left, int right, int top) {
        const std::u32string text = toNfcCodePoints(block.text);
        TextSize size = block.size;
        while (block.shrinkToFit && size != TextSize::Small &&
               measure(face(size, block.weight), text).width() > right - left) {
            size = static_cast<TextSize>(static_cast<int>(size) - 1);
        }
        Face& f = face(size, block.weight);
        std::size_t start = 0;
        int y = top;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find(U'\n', start), text.size());
            const auto lines = breakLinesNoOrphan(f, text.substr(start, end - start), right - left);
            if (lines.empty()) {
                y += f.ascent() + f.descent() + f.gap();  // an empty paragraph is a blank line
            }
            for (const auto& l : lines) {
                y = drawLine(f, measure(f, l), block.align, left, right, y);
            }
            start = end + 1;
        }
        return y;
    }

    int drawLine(const Face& f, const MeasuredLine& line, Align align, int left, int right, int top) {
        // The line box starts as the font's ascent/descent and grows to hold every glyph's ink, so a
        // stacked diacritic taller than the font's ascent pushes the line down instead of being cut.
        int ascent = f.ascent();
        int descent = f.descent();
        for (const auto& pg : line.glyphs) {
            if (!pg.glyph->mask.empty()) {
                ascent = std::max(ascent, -pg.glyph->y0);
                descent = std::max(descent, pg.glyph->y1);
            }
        }
        int x0 = left - line.inkLeft;
        if (align == Align::Center) {
            x0 += std::max(0, (right - left - line.width()) / 2);
        }
        const int baseline = top + ascent;
        const int bottom = baseline + descent;
        ensure(bottom);
        RenderedLine rendered;
        rendered.box = {left, top, right, bottom};
        for (const auto& pg : line.glyphs) {
            const Glyph& g = *pg.glyph;
            if (g.mask.empty()) {
                continue;
            }
            const int gx = x0 + pg.x + g.x0;
            const int gy = baseline + g.y0;
            const int w = g.x1 - g.x0;
            const int h = g.y1 - g.y0;
            rendered.glyphs.push_back({gx, gy, gx + w, gy + h});
            for (int yy = 0; yy < h; ++yy) {
                for (int xx = 0; xx < w; ++xx) {
                    if (g.mask[static_cast<std::size_t>(yy * w + xx)] != 0) {
                        m_out.raster.set(gx + xx, gy + yy);
                    }
                }
            }
        }
        m_out.lines.push_back(std::move(rendered));
        return bottom + f.gap();
    }

    const RenderFonts& m_fonts;
    const RenderOptions& m_opt;
    int m_left;
    int m_right;
    int m_y = 8;
    std::map<std::pair<int, int>, Face> m_faces;
    RenderedSlip m_out;
};

}  // namespace

Result<SlipRenderer> SlipRenderer::create(FontData fonts) {
    auto loaded = std::make_shared<Fonts>();
    const auto init = [](stbtt_fontinfo& info, std::span<const std::uint8_t> bytes, const char* name) -> Result<void> {
        if (bytes.size() < 12 || stbtt_GetFontOffsetForIndex(bytes.data(), 0) < 0 ||
            stbtt_InitFont(&info, bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), 0)) == 0) {
            return fail(ErrorKind::InvalidInput, std::string{name} + " font is not a TrueType font");
        }
        // "Ặ" and "ữ" stand for the Vietnamese precomposed letters the slips need.
        if (stbtt_FindGlyphIndex(&info, 0x1EB6) == 0 || stbtt_FindGlyphIndex(&info, 0x1EEF) == 0) {
            return fail(ErrorKind::InvalidInput, std::string{name} + " font lacks Vietnamese letters");
        }
        return {};
    };
    if (auto r = init(loaded->regular, fonts.regular, "regular"); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = init(loaded->bold, fonts.bold, "bold"); !r) {
        return std::unexpected(r.error());
    }
    return SlipRenderer(std::move(loaded));
}

Result<RenderedSlip> SlipRenderer::render(const Slip& slip, const RenderOptions& options) const {
    if (options.paperWidthDots < 128 || options.paperWidthDots > 2048) {
        return fail(ErrorKind::InvalidInput, "paper width must be 128..2048 dots (58 mm = 384, 80 mm = 576)");
    }
    if (options.marginDots < 0 || options.marginDots * 2 >= options.paperWidthDots - 64) {
        return fail(ErrorKind::InvalidInput, "margins leave no room to print");
    }
    const RenderFonts fonts{&m_fonts->regular, &m_fonts->bold};
    Canvas canvas(fonts, options);
    if (!slip.title.empty()) {
        canvas.text({slip.title, TextSize::Title, Weight::Bold, Align::Center});
        canvas.space(4);
    }
    for (const auto& element : slip.body) {
        Result<void> ok{};
        std::visit(
            [&](const auto& e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, TextBlock>) {
                    canvas.text(e);
                } else if constexpr (std::is_same_v<T, Separator>) {
                    canvas.separator(e);
                } else if constexpr (std::is_same_v<T, QrBlock>) {
                    ok = canvas.qr(e);
                } else if constexpr (std::is_same_v<T, KeyValueRow>) {
                    canvas.keyValue(e);
                } else {
                    canvas.space(e.dots);
                }
            },
            element);
        if (!ok) {
            return std::unexpected(ok.error());
        }
    }
    if (!slip.footer.officeName.empty() || !slip.footer.printedAtLabel.empty()) {
        canvas.separator({true});
        if (!slip.footer.officeName.empty()) {
            canvas.text({slip.footer.officeName, TextSize::Small, Weight::Bold, Align::Center});
        }
        if (!slip.footer.officeAddress.empty()) {
            canvas.text({slip.footer.officeAddress, TextSize::Small, Weight::Regular, Align::Center});
        }
        std::string when = slip.footer.printedAtLabel;
        if (!when.empty()) {
            when += ' ';
        }
        when += formatDateTime(slip.footer.printedAt, slip.footer.language);
        canvas.text({when, TextSize::Small, Weight::Regular, Align::Center});
    }
    RenderedSlip out = canvas.finish();
    if (out.raster.height > options.maxHeightDots) {
        return fail(ErrorKind::InvalidInput, "slip would be " + std::to_string(out.raster.height) +
                                                 " dots long, more than the limit of " +
                                                 std::to_string(options.maxHeightDots));
    }
    return out;
}

}  // namespace kiosk::core::slip
