#pragma once
// Internal: one factory per linux printer backend, each defined in its own printer_*.cpp;
// openPrinter (printer_factory.cpp) picks one by URI scheme.

#include <memory>

#include "platform/printer.hpp"

namespace platform {

std::unique_ptr<Printer> makeDevicePrinter(const PrinterUri& uri);
std::unique_ptr<Printer> makeTcpPrinter(const PrinterUri& uri);
std::unique_ptr<Printer> makeCupsPrinter(const PrinterUri& uri);
std::unique_ptr<Printer> makeFilePrinter(const PrinterUri& uri);

}  // namespace platform
