import { describe, expect, it } from "vitest";
import type { SlotDto } from "../scheduling/slot-dto";
import { daySpeakers, speakersOf } from "./language-speakers";

const dana = { id: "t-dana", languages: ["en", "es"] };
const sam = { id: "t-sam", languages: ["en"] };
const luis = { id: "t-luis", languages: ["es", "en"] };

function slot(start: string, therapistId: string): SlotDto {
  return { start, end: start, therapistId, locationId: "l-1", changeableOnlineUntil: start, changeableOnline: true };
}

describe("who speaks the patient's language", () => {
  it("keeps the therapists who speak it, in the order given", () => {
    expect(speakersOf([sam, luis, dana], "es")).toEqual([luis, dana]);
    expect(speakersOf([sam, dana], "en")).toEqual([sam, dana]);
  });

  it("is nobody when no therapist speaks it", () => {
    expect(speakersOf([sam], "es")).toEqual([]);
  });
});

describe("a day's times with a therapist who speaks it", () => {
  it("counts the times with a speaker and names each speaker once, by their first time", () => {
    const slots = [slot("09:00", "t-sam"), slot("09:30", "t-luis"), slot("10:00", "t-dana"), slot("10:30", "t-luis")];
    expect(daySpeakers(slots, [dana, sam, luis], "es")).toEqual({ speakers: [luis, dana], speakerTimes: 3, times: 4 });
  });

  it("says none when every time is with someone who does not speak it", () => {
    expect(daySpeakers([slot("09:00", "t-sam")], [dana, sam], "es")).toEqual({ speakers: [], speakerTimes: 0, times: 1 });
  });

  it("does not count a time whose therapist is unknown to the page", () => {
    expect(daySpeakers([slot("09:00", "t-gone")], [dana], "es")).toEqual({ speakers: [], speakerTimes: 0, times: 1 });
  });
});
