#pragma once
// A slip described as data: what to print, not how. The renderer (slip_renderer.hpp) lays it out on
// a 1-bit raster at the printer's width; the builders (status_slip.hpp, guidance_slip.hpp,
// test_page.hpp) fill it from domain data and already-translated texts.

#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/dossier/dossier.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core::slip {

/// Text sizes, in dots of font pixel height at 203 dpi (8 dots per mm).
enum class TextSize { Small, Normal, Large, Title };
enum class Weight { Regular, Bold };
enum class Align { Left, Center };

/// A paragraph, word-wrapped at spaces; "\n" forces a line break.
struct TextBlock {
    std::string text;
    TextSize size = TextSize::Normal;
    Weight weight = Weight::Regular;
    Align align = Align::Left;
    /// Keep a short text (a dossier code) on one line by stepping the size down to Small when it
    /// does not fit; it still wraps if even Small is too wide.
    bool shrinkToFit = false;
};

/// A horizontal rule across the printable width.
struct Separator {
    bool dashed = false;
};

/// A QR code, centred, with an optional caption under it.
struct QrBlock {
    std::string payload;
    std::string caption;
};

/// A label on the left and its value on the right; both wrap inside their column.
struct KeyValueRow {
    std::string key;
    std::string value;
    bool boldValue = true;
};

/// Vertical white space, in dots.
struct Spacer {
    int dots = 8;
};

using SlipElement = std::variant<TextBlock, Separator, QrBlock, KeyValueRow, Spacer>;

/// Printed after the body: the office and when the slip was printed (time is passed in, never read).
struct SlipFooter {
    std::string officeName;
    std::string officeAddress;   ///< office.address; a line under the name when set
    ZonedTime printedAt;
    std::string printedAtLabel;  ///< translated, e.g. "In lúc"
    Language language = Language::Vi;  ///< how the print time is written (core formatDateTime)
};

struct Slip {
    std::string title;
    std::vector<SlipElement> body;
    SlipFooter footer;
};

}  // namespace kiosk::core::slip
