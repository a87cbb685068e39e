#pragma once
// Hand-overs between threads that ThreadSanitizer can see. Qt's event queue and thread pool are
// guarded by QMutex, which is futex based and lives in the uninstrumented libQt6Core: the tsan
// build does not know that what one thread wrote before posting an event (or starting a pool
// task) happens before the receiver reads it. RS_TSAN_RELEASE on the sending side and
// RS_TSAN_ACQUIRE on the receiving side, on the same address, tell it; outside the tsan build
// they are nothing.
#include <QCoreApplication>
#include <QEvent>
#include <QObject>

#include <functional>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define RS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define RS_TSAN 1
#endif
#endif

#ifdef RS_TSAN
#include <sanitizer/tsan_interface.h>
#define RS_TSAN_RELEASE(addr) __tsan_release(const_cast<void*>(static_cast<const void*>(addr)))
#define RS_TSAN_ACQUIRE(addr) __tsan_acquire(const_cast<void*>(static_cast<const void*>(addr)))
#else
#define RS_TSAN_RELEASE(addr) ((void)(addr))
#define RS_TSAN_ACQUIRE(addr) ((void)(addr))
#endif

// A call to run on the receiver's thread: the event carries it, the receiver's event() runs it
// (CallEvent::handle). Instead of QMetaObject::invokeMethod with a functor, whose slot object
// Qt frees on the sending thread after the receiver ran it (a reference count inside libQt6Core,
// invisible to TSan), this event is built, posted, run and freed with the hand-over marked: the
// sender releases the receiver's address (handle() acquires it before it reads the event) and
// the event's (its destructor acquires it, wherever Qt deletes it).
class CallEvent final : public QEvent {
public:
    static QEvent::Type eventType() {
        static const auto type = static_cast<QEvent::Type>(QEvent::registerEventType());
        return type;
    }
    explicit CallEvent(std::function<void()> fn) : QEvent(eventType()), m_fn(std::move(fn)) {}
    // Qt deletes a delivered event on the receiver's thread, and one still queued when the
    // receiver goes away on whichever thread destroys it: both after the post.
    ~CallEvent() override { RS_TSAN_ACQUIRE(this); }

    // In receiver->event(e): runs the call if e is one. Returns whether it was.
    static bool handle(QObject* receiver, QEvent* e) {
        RS_TSAN_ACQUIRE(receiver);
        if (e->type() != eventType()) return false;
        static_cast<CallEvent*>(e)->m_fn();
        return true;
    }

private:
    std::function<void()> m_fn;
};

// Queues fn to run on receiver's thread (the receiver's event() must call CallEvent::handle).
inline void postCall(QObject* receiver, std::function<void()> fn) {
    auto* e = new CallEvent(std::move(fn));
    RS_TSAN_RELEASE(e);
    RS_TSAN_RELEASE(receiver);
    QCoreApplication::postEvent(receiver, e);
}
