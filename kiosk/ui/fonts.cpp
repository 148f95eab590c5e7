#include "kiosk/ui/fonts.hpp"

#include <filesystem>
#include <vector>

namespace kiosk::ui {
namespace {

FontSet g_fonts;

}  // namespace

const ImWchar* kioskGlyphRanges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r;
        for (const ImWchar* p = ImGui::GetIO().Fonts->GetGlyphRangesVietnamese(); *p != 0; ++p) {
            r.push_back(*p);
        }
        const ImWchar extra[] = {
            0x2013, 0x2014,  // – —
            0x2018, 0x2019,  // ‘ ’
            0x201C, 0x201D,  // “ ”
            0x2022, 0x2022,  // •
            0x2026, 0x2026,  // …
            0x20AB, 0x20AB,  // ₫
            0x2192, 0x2192,  // → (next step arrows)
        };
        r.insert(r.end(), std::begin(extra), std::end(extra));
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

FontSizes fontSizes(const FontOptions& options) {
    const float k = options.scale * (options.largeText ? 1.3f : 1.0f);
    return FontSizes{26.0f * k, 32.0f * k, 46.0f * k, 68.0f * k};
}

core::Result<FontSet> loadFonts(const FontOptions& options) {
    namespace fs = std::filesystem;
    const fs::path regular = fs::path(options.directory) / "NotoSans-Regular.ttf";
    const fs::path bold = fs::path(options.directory) / "NotoSans-Bold.ttf";
    for (const auto& file : {regular, bold}) {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            return core::fail(core::ErrorKind::Io,
                              "font not found: " + file.string() + " (install fonts-noto-core or set KIOSK_FONT_DIR)");
        }
    }
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    // Big glyphs need no horizontal oversampling; 1x keeps the atlas small and the first frame fast.
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    const ImWchar* ranges = kioskGlyphRanges();
    const FontSizes sizes = fontSizes(options);
    const std::string regularPath = regular.string();
    const std::string boldPath = bold.string();
    FontSet set;
    set.body = atlas->AddFontFromFileTTF(regularPath.c_str(), sizes.body, &config, ranges);
    set.small = atlas->AddFontFromFileTTF(regularPath.c_str(), sizes.small, &config, ranges);
    set.bodyBold = atlas->AddFontFromFileTTF(boldPath.c_str(), sizes.body, &config, ranges);
    set.title = atlas->AddFontFromFileTTF(boldPath.c_str(), sizes.title, &config, ranges);
    set.huge = atlas->AddFontFromFileTTF(boldPath.c_str(), sizes.huge, &config, ranges);
    if (!set.body || !set.small || !set.bodyBold || !set.title || !set.huge) {
        return core::fail(core::ErrorKind::Io, "cannot load Noto Sans from " + options.directory);
    }
    if (!atlas->Build()) {
        return core::fail(core::ErrorKind::Internal, "cannot build the font atlas");
    }
    g_fonts = set;
    return set;
}

const FontSet& fonts() { return g_fonts; }

}  // namespace kiosk::ui
