/**
 * The staff pages' three kinds of button, as class names so links and
 * buttons alike can wear them: primary (the form's one main action),
 * secondary (Cancel, Back, row actions) and danger (deletes and other
 * changes that cannot be taken back).
 */
export type ButtonVariant = "primary" | "secondary" | "danger";

const BASE =
  "inline-flex items-center justify-center rounded-md font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:cursor-not-allowed disabled:opacity-60";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "bg-teal-800 text-white hover:bg-teal-900",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

const SIZE = {
  md: "px-4 py-2",
  sm: "px-3 py-1.5 text-sm",
  /** Patient pages, made for a thumb on a phone: at least 44 px high. */
  lg: "min-h-11 px-5 py-3 text-lg",
};

export function buttonClass(variant: ButtonVariant = "primary", size: keyof typeof SIZE = "md"): string {
  return `${BASE} ${VARIANT[variant]} ${SIZE[size]}`;
}
