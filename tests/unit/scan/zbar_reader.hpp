#pragma once
// zbar (Debian's libzbar 0.23) as a reference decoder for the tests and the scan benchmark: the
// kiosk must read whatever ZXing or zbar reads. In its own file because zbar.h's C++ wrappers
// clash with a macro of ZXing's headers (UnsupportedError).

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::test {

/// What zbar reads in an 8-bit grey image, QR codes and Code 128 only (the symbologies the kiosk
/// reads; fewer false reads, and faster, than every symbology).
/// @param tryInverted also try the inverted image when nothing is found (ZBAR_CFG_TEST_INVERTED)
/// @return the text of the first symbol found, or nothing
std::optional<std::string> zbarRead(const std::uint8_t* pixels, int width, int height, bool tryInverted);

}  // namespace kiosk::test
