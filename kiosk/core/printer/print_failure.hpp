#pragma once
// Why a slip was not printed: one enum from the printer transport (platform/printer.hpp) through the
// print worker and the flow (FlowState::printFailure) to the citizen's message. Each kind has a stable
// name for logs and JSON and a translation key; assets/i18n/{vi,en}/print.json hold a message for every
// kind (tests/unit/printer/PrintFailureTest.cpp walks them all).

#include <array>
#include <string>
#include <string_view>

namespace kiosk::core {

enum class PrintFailure {
    NoPrinter,     ///< no printer is configured, or its URI is unusable
    InvalidUri,    ///< the URI is malformed or names an unknown scheme
    Unreachable,   ///< cannot open the device, connect, or reach CUPS
    Timeout,       ///< the printer did not accept data or answer in time
    Disconnected,  ///< the printer closed the link before the job was confirmed (half-written job)
    Offline,       ///< the printer reports offline
    PaperOut,      ///< no paper
    CoverOpen,     ///< cover open
    PrinterError,  ///< cutter or mechanical error reported by the printer
    BadReply,      ///< the printer answered bytes that are not a status reply
    NoStatus,      ///< this transport cannot report status (one-way link)
    Busy,          ///< too many jobs queued
    Io,            ///< other OS-level failure
    RenderFailed,  ///< the slip could not be rendered (fonts or translations missing)
    NotAvailable,  ///< what was to be printed is gone (the guidance catalog was replaced meanwhile)
};

/// Every kind, in declaration order (tests walk it).
inline constexpr std::array kAllPrintFailures = {
    PrintFailure::NoPrinter,    PrintFailure::InvalidUri, PrintFailure::Unreachable,  PrintFailure::Timeout,
    PrintFailure::Disconnected, PrintFailure::Offline,    PrintFailure::PaperOut,     PrintFailure::CoverOpen,
    PrintFailure::PrinterError, PrintFailure::BadReply,   PrintFailure::NoStatus,     PrintFailure::Busy,
    PrintFailure::Io,           PrintFailure::RenderFailed, PrintFailure::NotAvailable,
};

/// Stable lower-case name ("paper_out", ...) for logs, JSON and the test control.
std::string_view toString(PrintFailure failure);

/// The string-table key of the citizen's message for `failure` ("print.failure.paper_out").
std::string translationKey(PrintFailure failure);

}  // namespace kiosk::core
