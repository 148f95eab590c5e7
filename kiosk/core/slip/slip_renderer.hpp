#pragma once
// Lays a Slip out on a 1-bit raster with Noto Sans through stb_truetype. Vietnamese is printed as
// an image because cheap printers' code pages garble it.
//
// - Text is normalised to NFC (precomposed letters; invalid UTF-8 becomes U+FFFD).
// - Word wrap breaks at spaces only; a single word wider than the line is broken between code
//   points, never inside a UTF-8 sequence.
// - Each line's box is the font's ascent/descent, grown to cover every glyph's ink box, so stacked
//   diacritics (Ẫ, Ỗ, ặ) are never clipped by the next line. The result reports every glyph box
//   and line box so tests can check that.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/slip/raster.hpp"
#include "kiosk/core/slip/slip.hpp"

namespace kiosk::core::slip {

/// TrueType font files as bytes, loaded by the caller (the core does no file I/O). The bytes must
/// outlive the renderer: stb_truetype reads glyphs from them lazily.
struct FontData {
    std::span<const std::uint8_t> regular;
    std::span<const std::uint8_t> bold;
};

struct RenderOptions {
    int paperWidthDots = 384;  ///< 58 mm paper = 384, 80 mm = 576
    int marginDots = 12;       ///< white margin left and right (printers lose a few dots at the edge)
    int qrModuleDots = 0;      ///< 0 = automatic: the largest of 4..6 that fits
    int bottomFeedDots = 32;   ///< white space after the footer so the cut does not touch text
    int maxHeightDots = 16000; ///< longer slips are refused (2 m of paper: runaway text, not a slip)
};

/// An ink rectangle in raster coordinates; x1/y1 exclusive.
struct InkBox {
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    [[nodiscard]] bool contains(const InkBox& o) const {
        return o.x0 >= x0 && o.y0 >= y0 && o.x1 <= x1 && o.y1 <= y1;
    }
};

/// One laid-out text line: its box and the ink box of each glyph drawn on it.
struct RenderedLine {
    InkBox box;
    std::vector<InkBox> glyphs;
};

struct RenderedSlip {
    Raster raster;
    std::vector<RenderedLine> lines;  ///< every text line, top to bottom
    std::vector<InkBox> qrCodes;      ///< the QR symbols including their quiet zone
    std::vector<std::string> qrPayloads;  ///< payload of each entry of qrCodes (for a native-QR job)
    int qrModuleDots = 0;             ///< module size used for QR codes (0 when none)
};

class SlipRenderer {
public:
    /// Checks that both fonts parse and carry the Vietnamese letters.
    /// @return an error naming the font that is unusable.
    static Result<SlipRenderer> create(FontData fonts);

    /// Renders `slip` at the paper width in `options`.
    /// @return the raster and its layout, or an error for a paper width outside 128..2048 dots, or
    ///         a QR payload that cannot be printed at >= 4 dots per module on this paper, or a slip
    ///         longer than maxHeightDots.
    [[nodiscard]] Result<RenderedSlip> render(const Slip& slip, const RenderOptions& options = {}) const;

private:
    struct Fonts;
    explicit SlipRenderer(std::shared_ptr<const Fonts> fonts) : m_fonts(std::move(fonts)) {}
    std::shared_ptr<const Fonts> m_fonts;
};

}  // namespace kiosk::core::slip
