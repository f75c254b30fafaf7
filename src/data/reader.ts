/**
 * @module data/reader
 * Reads one compiled file through the `ASSETS` binding (Workers Static Assets), and says what
 * went wrong when it cannot: the store (store.ts) turns any {@link DataFault} into a 503 for
 * that file alone.
 */

/** Reads one file of the assets directory by its relative path (data/files.ts). */
export type AssetReader = (path: string) => Promise<Response>

/** Why a file the manifest lists could not be used: missing, unreadable or malformed. */
export class DataFault extends Error {
  readonly path: string
  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`${path}: ${reason}`, options)
    this.path = path
  }
}

/**
 * Any host does: the binding routes by path alone. Not the request's origin, so a reader never
 * depends on how the Worker was reached.
 */
const ASSET_ORIGIN = 'https://assets.invalid/'

/**
 * The reader of the Worker's own assets.
 * @example const read = assetReader(env.ASSETS); await read('data/landing.json')
 */
export const assetReader =
  (assets: Fetcher): AssetReader =>
  (path) =>
    assets.fetch(new Request(ASSET_ORIGIN + path))

/**
 * The response for `path`, if it is a 200. A status other than 200, or a binding that throws, is
 * a {@link DataFault}.
 */
const fetchAsset = async (read: AssetReader, path: string): Promise<Response> => {
  let response: Response
  try {
    response = await read(path)
  } catch (error) {
    throw new DataFault(path, 'the assets binding failed', { cause: error })
  }
  if (response.status !== 200) {
    await response.body?.cancel()
    throw new DataFault(path, `the assets binding answered ${response.status}`)
  }
  return response
}

/** Reads a body, a failure mid-stream being a {@link DataFault} too. */
const body = async <T>(path: string, read: () => Promise<T>): Promise<T> => {
  try {
    return await read()
  } catch (error) {
    throw new DataFault(path, 'the asset could not be read', { cause: error })
  }
}

/**
 * The text of `path`.
 * @example const text = await readText(read, 'data/landing.json')
 */
export const readText = async (read: AssetReader, path: string): Promise<string> => {
  const response = await fetchAsset(read, path)
  return body(path, () => response.text())
}

/**
 * The bytes of `path`.
 * @example const png = await readBytes(read, 'cards/wang-yi-moscow-2023.png')
 */
export const readBytes = async (
  read: AssetReader,
  path: string,
): Promise<Uint8Array<ArrayBuffer>> => {
  const response = await fetchAsset(read, path)
  return body(path, async () => new Uint8Array(await response.arrayBuffer()))
}
