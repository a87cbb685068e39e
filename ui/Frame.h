#pragma once
// An immutable snapshot the controller hands to the UI thread: what the core's FrameBuilder
// gives (the samples and events since the previous frame, the kernel's state now) and the
// controller's own state (which run, playing or not, how fast).
#include "record/frame_builder.h"
#include "record/recorder.h"

#include <QMetaType>

#include <memory>
#include <string>

struct Frame : rs::FrameData {
    quint64 generation = 0;             // bumps on reset or scenario change: views start over
    std::string title;
    std::string explanation;
    // Trace replays now, summed over the tasks replaying: references done (across loops) and
    // references in one pass of their traces (0: no task replays).
    std::uint64_t replayRefs = 0, replayTotal = 0;
    bool running = false;
    bool realTime = false;              // the times are a real machine's (watched or recorded), not simulated
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
