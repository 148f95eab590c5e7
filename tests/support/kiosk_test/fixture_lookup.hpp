#pragma once
// kiosk-test only (--test-lookup MS): a lookup that answers from the sample dossiers of
// tests/ui/fixtures.hpp on a worker thread, after an optional delay, through the main-thread queue
// like the real client (the kiosk posts the answer to its main-thread queue). It lets the UI tests and the benchmark walk every screen (result for each
// kind of status, not found, a slow backend) without a backend process; the tests against
// kiosk-refbackend use the real client.
//   codes: 000.00.06.H56-261120-0361 processing, 000.17.22.H56-261105-0012 documents (overdue),
//          000.00.04.H40-261118-0002 payment, 000.00.06.H56-261001-0107 rejected; others: not found.

#include <chrono>
#include <memory>

#include "kiosk/app/services/kiosk_services.hpp"

namespace kiosk::app {

std::unique_ptr<DossierLookup> makeFixtureLookup(std::chrono::milliseconds latency);

}  // namespace kiosk::app
