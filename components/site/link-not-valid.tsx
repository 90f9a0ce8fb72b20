/**
 * What a private link's page says when its token leads nowhere (unknown,
 * expired or replaced): the page's own heading, then why, read out at once.
 * It never says whether the visit or the patient exists.
 */
export function LinkNotValid({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p role="alert" className="mt-6 text-lg">
        {message}
      </p>
    </>
  );
}
