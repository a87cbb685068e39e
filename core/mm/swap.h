#pragma once
// Page-side LRU operations of mm/swap.c: adding pages to the LRU, marking them accessed,
// moving them between lists, and the reclaim cost bookkeeping. Every move keeps the node and
// zone list counters in step.
#include "mm/kernel.h"

namespace rs {

// The list a page belongs on, from its flags (folio_lru_list()).
LruList folio_lru_list(const Kernel& k, frame_t f);

void lruvec_add_folio(Kernel& k, frame_t f);      // at the head of folio_lru_list()
void lruvec_add_folio_tail(Kernel& k, frame_t f); // at the tail (rotation)
void lruvec_del_folio(Kernel& k, frame_t f);

// folio_add_lru(): a new page goes to the head of the inactive list of its type, or the
// active list when PG_active is set (a recent refault), or the unevictable list if mlocked.
void folio_add_lru(Kernel& k, frame_t f);

// folio_mark_accessed(): the first access sets PG_referenced; a second one on an inactive
// page activates it (pgactivate, workingset_activation) and clears PG_referenced.
void folio_mark_accessed(Kernel& k, frame_t f);

// lru_note_cost(): reclaim cost of a type: pages written (x SWAP_CLUSTER_MAX) plus rotations;
// both costs halve when their sum exceeds a quarter of the lruvec's evictable pages.
void lru_note_cost(Kernel& k, int nid, bool file, std::uint64_t nr_io, std::uint64_t nr_rotated);
// lru_note_cost_refault(): a restored workingset page costs as much as a page of I/O.
void lru_note_cost_refault(Kernel& k, frame_t f);

} // namespace rs
