#include "kiosk/core/printer/print_failure.hpp"

namespace kiosk::core {

std::string_view toString(PrintFailure failure) {
    switch (failure) {
        case PrintFailure::NoPrinter: return "no_printer";
        case PrintFailure::InvalidUri: return "invalid_uri";
        case PrintFailure::Unreachable: return "unreachable";
        case PrintFailure::Timeout: return "timeout";
        case PrintFailure::Disconnected: return "disconnected";
        case PrintFailure::Offline: return "offline";
        case PrintFailure::PaperOut: return "paper_out";
        case PrintFailure::CoverOpen: return "cover_open";
        case PrintFailure::PrinterError: return "printer_error";
        case PrintFailure::BadReply: return "bad_reply";
        case PrintFailure::NoStatus: return "no_status";
        case PrintFailure::Busy: return "busy";
        case PrintFailure::Io: return "io";
        case PrintFailure::RenderFailed: return "render_failed";
        case PrintFailure::NotAvailable: return "not_available";
    }
    return "io";
}

std::string translationKey(PrintFailure failure) { return "print.failure." + std::string{toString(failure)}; }

}  // namespace kiosk::core
