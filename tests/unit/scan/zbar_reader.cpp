#include "zbar_reader.hpp"

#include <memory>

#include <zbar.h>

namespace kiosk::test {

std::optional<std::string> zbarRead(const std::uint8_t* pixels, int width, int height, bool tryInverted) {
    if (pixels == nullptr || width <= 0 || height <= 0) return std::nullopt;
    const std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)> scanner(
        zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_CODE128, zbar::ZBAR_CFG_ENABLE, 1);
    if (tryInverted) zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_TEST_INVERTED, 1);
    const std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)> image(zbar::zbar_image_create(), zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
    // zbar only reads the pixels (no cleanup handler: the caller owns them).
    zbar::zbar_image_set_data(image.get(), pixels, static_cast<unsigned long>(width) * static_cast<unsigned long>(height), nullptr);
    if (zbar::zbar_scan_image(scanner.get(), image.get()) <= 0) return std::nullopt;
    const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(image.get());
    if (symbol == nullptr) return std::nullopt;
    const char* data = zbar::zbar_symbol_get_data(symbol);
    const unsigned length = zbar::zbar_symbol_get_data_length(symbol);
    return std::string(data, length);
}

}  // namespace kiosk::test
