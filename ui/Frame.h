#pragma once
// An immutable snapshot the controller hands to the UI thread: the samples and events since
// the previous frame, and the state the views show now.
#include "mm/swapfile.h"
#include "mm/sysctl.h"
#include "record/recorder.h"

#include <QMetaType>

#include "mm/trace.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

struct Frame {
    quint64 generation = 0;             // bumps on reset or scenario change: views start over
    std::string title;
    std::string explanation;
    std::vector<rs::ZoneLabel> zones;
    std::vector<rs::Sample> samples;    // new since the previous frame, in time order
    // The recorder thinned its history since the previous frame (rounds times): views thin
    // their copies of the points older than thinBeforeNs the same way (every other one).
    int thinRounds = 0;
    std::int64_t thinBeforeNs = -1;
    std::vector<rs::Event> events;      // new since the previous frame
    rs::VmSysctl sysctl;
    std::vector<rs::SwapDeviceSnapshot> swap; // slot map of every swap device, now
    std::uint64_t totalram_pages = 0;
    int nrZoneTypes = 1;                // zones per node (vm.lowmem_reserve_ratio has one value each)
    std::int64_t simTimeNs = 0;
    std::array<std::uint64_t, rs::NR_KFUNCS> kfuncCalls{}; // calls of each traced kernel function so far
    std::array<std::uint64_t, rs::NR_KFUNCS> kfuncLast{};  // order of each function's latest call (KFuncCounters::last)
    // The simulated kernel's /proc files now, in the kernel's formats (empty unless the counters
    // view asked for them: SimulationController::setProcTextsWanted).
    std::string procZoneinfo, procVmstat, procMeminfo, procSwaps;
    bool running = false;
    double speed = 1.0;                 // simulated seconds per wall second; 0 = as fast as possible
    double achievedSpeed = 0.0;         // measured over the last second
};

using FramePtr = std::shared_ptr<const Frame>;
Q_DECLARE_METATYPE(FramePtr)

// A recorded moment the user reviews (scrubbing back through history): the sample at or
// before t and the one a simulated second earlier (for rates), from the core's recorder.
struct Moment {
    quint64 generation = 0;
    std::int64_t t_ns = 0;            // the moment asked for
    rs::Sample sample;                // recorded at or before t_ns
    rs::Sample secondBefore;          // about one simulated second before `sample`
    std::vector<rs::ZoneLabel> zones;
    std::string sampleText;           // rs::format_sample(sample, zones)
};

using MomentPtr = std::shared_ptr<const Moment>;
Q_DECLARE_METATYPE(MomentPtr)
