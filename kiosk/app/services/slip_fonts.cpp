#include "kiosk/app/services/slip_fonts.hpp"

#include <fstream>
#include <iterator>

namespace kiosk::app {

namespace {
core::Result<std::vector<std::uint8_t>> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::fail(core::ErrorKind::Io, "cannot read font " + path + " (install fonts-noto-core)");
    }
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (bytes.empty() || bytes.size() > 64u * 1024u * 1024u) {
        return core::fail(core::ErrorKind::Io, "font " + path + " is empty or too large");
    }
    return bytes;
}
}  // namespace

core::Result<SlipFonts> loadSlipFonts(const std::string& dir) {
    SlipFonts fonts;
    auto regular = readAll(dir + "/NotoSans-Regular.ttf");
    if (!regular) return std::unexpected(regular.error());
    auto bold = readAll(dir + "/NotoSans-Bold.ttf");
    if (!bold) return std::unexpected(bold.error());
    fonts.regular = std::move(*regular);
    fonts.bold = std::move(*bold);
    return fonts;
}

}  // namespace kiosk::app
