// Pure helpers of printer.hpp, compiled into both platform_linux and platform_fake.
#include "platform/printer.hpp"

#include <charconv>

namespace platform {

std::string_view toString(PrintErrorKind kind) {
    switch (kind) {
        case PrintErrorKind::InvalidUri: return "invalid_uri";
        case PrintErrorKind::Unreachable: return "unreachable";
        case PrintErrorKind::Timeout: return "timeout";
        case PrintErrorKind::Disconnected: return "disconnected";
        case PrintErrorKind::Offline: return "offline";
        case PrintErrorKind::PaperOut: return "paper_out";
        case PrintErrorKind::CoverOpen: return "cover_open";
        case PrintErrorKind::PrinterError: return "printer_error";
        case PrintErrorKind::BadReply: return "bad_reply";
        case PrintErrorKind::NoStatus: return "no_status";
        case PrintErrorKind::Busy: return "busy";
        case PrintErrorKind::Io: return "io";
    }
    return "io";
}

kiosk::core::Error toCoreError(const PrintError& error) {
    using kiosk::core::ErrorKind;
    ErrorKind kind = ErrorKind::Unavailable;
    switch (error.kind) {
        case PrintErrorKind::InvalidUri: kind = ErrorKind::Config; break;
        case PrintErrorKind::BadReply: kind = ErrorKind::Parse; break;
        case PrintErrorKind::Io: kind = ErrorKind::Io; break;
        default: break;
    }
    return kiosk::core::Error{kind, std::string{toString(error.kind)} + ": " + error.message};
}

PrintResult<void> readiness(const PrinterStatus& s) {
    if (s.paperOut) return std::unexpected(PrintError{PrintErrorKind::PaperOut, "printer is out of paper"});
    if (s.coverOpen) return std::unexpected(PrintError{PrintErrorKind::CoverOpen, "printer cover is open"});
    if (s.error) return std::unexpected(PrintError{PrintErrorKind::PrinterError, "printer reports an error"});
    if (!s.online) return std::unexpected(PrintError{PrintErrorKind::Offline, "printer is offline"});
    return {};
}

kiosk::core::Result<PrinterUri> parsePrinterUri(std::string_view uri) {
    using kiosk::core::ErrorKind;
    using kiosk::core::fail;
    PrinterUri out;
    out.text = std::string{uri};
    const auto colon = uri.find(':');
    if (colon == std::string_view::npos) {
        return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' has no scheme (usb:, tcp://, cups:, file:)");
    }
    const auto scheme = uri.substr(0, colon);
    auto rest = uri.substr(colon + 1);
    for (char c : uri) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            return fail(ErrorKind::InvalidInput, "printer URI contains control characters");
        }
    }
    if (scheme == "usb" || scheme == "file") {
        if (rest.starts_with("//")) rest.remove_prefix(2);  // tolerate file:///path
        if (rest.empty()) return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' has no path");
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
    if (scheme == "tcp") {
        if (!rest.starts_with("//")) return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' must be tcp://HOST:PORT");
        rest.remove_prefix(2);
        if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
        std::string_view host = rest;
        std::string_view port;
        if (rest.starts_with('[')) {
            const auto close = rest.find(']');
            if (close == std::string_view::npos) return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "': unclosed [");
            host = rest.substr(1, close - 1);
            const auto after = rest.substr(close + 1);
            if (!after.empty()) {
                if (after[0] != ':') return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "': junk after ]");
                port = after.substr(1);
            }
        } else if (const auto c = rest.rfind(':'); c != std::string_view::npos) {
            host = rest.substr(0, c);
            port = rest.substr(c + 1);
        }
        if (host.empty() || host.find_first_of("/@ ") != std::string_view::npos) {
            return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' has no valid host");
        }
        out.scheme = PrinterUri::Scheme::Tcp;
        out.target = std::string{host};
        if (!port.empty()) {
            unsigned value = 0;
            const auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
            if (ec != std::errc{} || p != port.data() + port.size() || value == 0 || value > 65535) {
                return fail(ErrorKind::InvalidInput, "printer URI '" + out.text + "' has an invalid port");
            }
            out.port = static_cast<std::uint16_t>(value);
        }
        return out;
    }
    return fail(ErrorKind::InvalidInput,
                "printer URI scheme '" + std::string{scheme} + "' is not one of usb:, tcp://, cups:, file:");
}

}  // namespace platform
