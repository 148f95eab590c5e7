#include "kiosk/core/printer/printer_uri.hpp"

#include <charconv>

namespace kiosk::core {
namespace {

Result<PrinterUri> parseTcp(std::string_view rest, PrinterUri out) {
    const auto bad = [&](std::string_view why) { return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' " + std::string{why}); };
    if (!rest.starts_with("//")) return bad("must be tcp://HOST or tcp://HOST:PORT");
    rest.remove_prefix(2);
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    std::string_view host = rest;
    std::string_view port;
    bool portGiven = false;
    if (rest.starts_with('[')) {
        const auto close = rest.find(']');
        if (close == std::string_view::npos) return bad("has an unclosed [");
        host = rest.substr(1, close - 1);
        const auto after = rest.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':') return bad("has junk after ]");
            port = after.substr(1);
            portGiven = true;
        }
    } else if (const auto c = rest.rfind(':'); c != std::string_view::npos) {
        host = rest.substr(0, c);
        port = rest.substr(c + 1);
        portGiven = true;
    }
    if (host.empty() || host.find_first_of("/@ ") != std::string_view::npos) return bad("has no valid host");
    out.scheme = PrinterUri::Scheme::Tcp;
    out.target = std::string{host};
    if (portGiven) {
        unsigned value = 0;
        const auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (port.empty() || ec != std::errc{} || p != port.data() + port.size() || value == 0 || value > 65535) {
            return bad("has an invalid port (1-65535; leave it out for 9100)");
        }
        out.port = static_cast<std::uint16_t>(value);
    }
    return out;
}

}  // namespace

Result<PrinterUri> parsePrinterUri(std::string_view uri) {
    PrinterUri out;
    out.text = std::string{uri};
    for (char c : uri) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            return fail(ErrorKind::InvalidInput, "printer URI contains control characters");
        }
    }
    const auto colon = uri.find(':');
    if (colon == std::string_view::npos) {
        return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' has no scheme: use usb:PATH, tcp://HOST[:PORT], cups:QUEUE or file:PATH");
    }
    const auto scheme = uri.substr(0, colon);
    auto rest = uri.substr(colon + 1);
    if (scheme == "usb" || scheme == "file") {
        if (rest.starts_with("//")) rest.remove_prefix(2);  // tolerate file:///path
        if (rest.empty()) return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' has no path (" + std::string{scheme} + ":PATH)");
        out.scheme = scheme == "usb" ? PrinterUri::Scheme::Usb : PrinterUri::Scheme::File;
        out.target = std::string{rest};
        return out;
    }
    if (scheme == "cups") {
        if (rest.starts_with("//")) rest.remove_prefix(2);
        if (rest.empty() || rest.find_first_of("/ #\t") != std::string_view::npos) {
            return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' needs a CUPS queue name (cups:QUEUE)");
        }
        out.scheme = PrinterUri::Scheme::Cups;
        out.target = std::string{rest};
        return out;
    }
    if (scheme == "tcp") return parseTcp(rest, std::move(out));
    return fail(ErrorKind::InvalidInput,
                "printer URI scheme '" + std::string{scheme} + "' is not one of usb:, tcp://, cups:, file:");
}

}  // namespace kiosk::core
