#pragma once
// Test builds only (KIOSK_TEST_HOOKS): a lookup that answers from the sample dossiers of
// tests/ui/fixtures.hpp on a worker thread, after an optional delay, through the main-thread queue
// like the real client. It lets the UI tests and the benchmark walk every screen (result for each
// kind of status, not found, a slow backend) before the backend client is wired in; the tests
// against kiosk-refbackend use the real client.
//   codes: 000.00.06.H56-261120-0361 processing, 000.17.22.H56-261105-0012 documents (overdue),
//          000.00.04.H40-261118-0002 payment, 000.00.06.H56-261001-0107 rejected; others: not found.

#include <chrono>
#include <memory>

#include "kiosk/app/lookup_port.hpp"

namespace kiosk::app {

std::unique_ptr<LookupPort> makeFixtureLookup(MainThreadQueue& queue, std::chrono::milliseconds latency);

}  // namespace kiosk::app
