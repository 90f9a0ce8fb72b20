"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/form/button";
import { moveServiceAction } from "./actions";

interface ServiceOrderButtonsProps {
  id: string;
  name: string;
  position: number;
  isFirst: boolean;
  isLast: boolean;
}

type Direction = "up" | "down";

/**
 * Move up and move down for one service. The row moves in the table after
 * the save, so focus is put back on the button just used (or its twin, when
 * the service reached an end of the list) and the new place is announced.
 */
export function ServiceOrderButtons({ id, name, position, isFirst, isLast }: ServiceOrderButtonsProps) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState("");
  // The button to give focus back to once the moved list has been drawn.
  const refocus = useRef<Direction | null>(null);
  const t = useTranslations("staffSettings.services");

  useEffect(() => {
    const direction = refocus.current;
    if (!direction || pending) return;
    const blocked = direction === "up" ? isFirst : isLast;
    const target = blocked ? (direction === "up" ? "down" : "up") : direction;
    document.getElementById(`move-${target}-${id}`)?.focus();
    refocus.current = null;
  }, [pending, isFirst, isLast, position, id]);

  function move(direction: Direction) {
    startTransition(async () => {
      const result = await moveServiceAction({ id, direction });
      setMessage(result.ok ? t("moved", { name, position: result.data.position }) : result.message);
      refocus.current = direction;
    });
  }

  return (
    <div className="flex gap-1">
      <button id={`move-up-${id}`} type="button" disabled={isFirst || pending} onClick={() => move("up")} className={buttonClass("secondary", "sm")} aria-label={t("moveUp", { name, position })}>
        {t("up")}
      </button>
      <button id={`move-down-${id}`} type="button" disabled={isLast || pending} onClick={() => move("down")} className={buttonClass("secondary", "sm")} aria-label={t("moveDown", { name, position })}>
        {t("down")}
      </button>
      <span role="status" className="sr-only">
        {message}
      </span>
    </div>
  );
}
