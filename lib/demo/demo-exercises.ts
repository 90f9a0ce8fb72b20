import type { ExerciseForm } from "../exercises/schema";

/**
 * The demo clinic's after-run stretches for runners, written for Stride, with
 * the doses the clinic gives: the exercise library a new program starts from.
 */
export const DEMO_EXERCISES: (ExerciseForm & { slug: string })[] = [
  {
    slug: "lying-inner-thigh-stretch",
    nameEn: "Lying inner-thigh stretch",
    nameEs: "Estiramiento de aductores tumbado",
    stepsEn: [
      "Lie on your back with your knees bent and your feet flat on the floor.",
      "Bring the soles of your feet together and let both knees fall slowly out to the sides.",
      "Stop where you feel a gentle pull along your inner thighs, and breathe slowly.",
      "Bring your knees back together with your hands before you rest.",
    ].join("\n"),
    stepsEs: [
      "Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo.",
      "Junte las plantas de los pies y deje caer despacio las dos rodillas hacia los lados.",
      "Pare donde note un estiramiento suave en la cara interna de los muslos, y respire despacio.",
      "Junte de nuevo las rodillas ayudándose con las manos antes de descansar.",
    ].join("\n"),
    sets: 1,
    repetitionsMin: 2,
    repetitionsMax: 3,
    holdSecondsMin: 20,
    holdSecondsMax: 30,
    perSide: false,
  },
  {
    slug: "seated-butterfly-stretch",
    nameEn: "Seated butterfly stretch",
    nameEs: "Estiramiento de mariposa sentado",
    stepsEn: [
      "Sit on the floor with your back straight and bring the soles of your feet together in front of you.",
      "Hold your ankles and let your knees sink toward the floor.",
      "Lean forward a little from the hips, back still straight, until you feel the stretch.",
      "Do not bounce; ease off if anything pinches.",
    ].join("\n"),
    stepsEs: [
      "Siéntese en el suelo con la espalda recta y junte las plantas de los pies delante de usted.",
      "Sujétese los tobillos y deje que las rodillas bajen hacia el suelo.",
      "Inclínese un poco hacia delante desde la cadera, con la espalda recta, hasta notar el estiramiento.",
      "No rebote; afloje si nota un pinchazo.",
    ].join("\n"),
    sets: 1,
    repetitionsMin: 2,
    repetitionsMax: 3,
    holdSecondsMin: 45,
    holdSecondsMax: 60,
    perSide: false,
  },
  {
    slug: "side-lunge-stretch",
    nameEn: "Side lunge stretch",
    nameEs: "Estiramiento en zancada lateral",
    stepsEn: [
      "Stand with your feet wide apart and your toes pointing forward.",
      "Bend one knee and shift your weight over it, keeping the other leg straight.",
      "Keep your chest up and both feet flat until you feel the stretch inside the straight leg’s thigh.",
      "Come back to the middle, then do the other side.",
    ].join("\n"),
    stepsEs: [
      "Póngase de pie con los pies bien separados y las puntas hacia delante.",
      "Doble una rodilla y pase el peso del cuerpo sobre ella, con la otra pierna estirada.",
      "Mantenga el pecho alto y los pies apoyados hasta notar el estiramiento en la cara interna del muslo de la pierna estirada.",
      "Vuelva al centro y haga el otro lado.",
    ].join("\n"),
    sets: 1,
    repetitionsMin: 2,
    repetitionsMax: 3,
    holdSecondsMin: 15,
    holdSecondsMax: 20,
    perSide: true,
  },
];
