#include "platform/linux/printer_backends.hpp"

namespace platform {

std::unique_ptr<Printer> openPrinter(const PrinterUri& uri) {
    switch (uri.scheme) {
        case PrinterUri::Scheme::Usb: return makeDevicePrinter(uri);
        case PrinterUri::Scheme::Tcp: return makeTcpPrinter(uri);
        case PrinterUri::Scheme::Cups: return makeCupsPrinter(uri);
        case PrinterUri::Scheme::File: return makeFilePrinter(uri);
    }
    return makeFilePrinter(uri);
}

}  // namespace platform
