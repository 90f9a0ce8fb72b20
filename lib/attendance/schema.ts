import { z } from "zod";

/** The two answers a reminder offers: coming, or asking for a change. */
export const attendanceAnswerSchema = z.enum(["coming", "change"], { error: "Choose whether you will come or need a change." });

export type AttendanceAnswer = z.infer<typeof attendanceAnswerSchema>;
