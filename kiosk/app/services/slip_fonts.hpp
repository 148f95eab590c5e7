#pragma once
// Loads Noto Sans Regular and Bold for the slip renderer (the core renderer does no file I/O).

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/slip/slip_renderer.hpp"

namespace kiosk::app {

/// Font bytes that must outlive every renderer made from them.
struct SlipFonts {
    std::vector<std::uint8_t> regular;
    std::vector<std::uint8_t> bold;
    [[nodiscard]] core::slip::FontData data() const { return {regular, bold}; }
};

/// Reads NotoSans-Regular.ttf and NotoSans-Bold.ttf from `dir` (default KIOSK_FONT_DIR).
/// @return the bytes, or an Io error naming the missing file (install fonts-noto-core).
core::Result<SlipFonts> loadSlipFonts(const std::string& dir = KIOSK_FONT_DIR);

}  // namespace kiosk::app
