/**
 * @module views/landing/generator
 * The embed-code generator: a GET form whose fields are the embed options, and the three codes
 * for the current options. Rendered complete on the server (so it works with JS off: submitting
 * reloads `/` with the options); src/client/landing.ts then keeps it live. What the codes embed is
 * the live timeline at the top of the page (landing-page.tsx), not a second copy here.
 */
import type { Theme } from '../../embed/options.ts'
import type { EmbedOptions, Snippets } from './snippets.ts'
import { HOME_PATH } from '../../urls.ts'

export interface Choice {
  value: string
  label: string
}

export interface GeneratorProps {
  origin: string
  options: EmbedOptions
  timelines: Choice[]
  actors: Choice[]
  kinds: Choice[]
  tags: Choice[]
  /** Why the submitted options were not used, if they were refused. */
  error?: string
}

/** A label for every theme (the compiler checks none is missing), in the order offered. */
const THEME_LABELS: Record<Theme, string> = {
  auto: 'Auto (follows the reader’s system)',
  light: 'Light',
  dark: 'Dark',
}
const THEME_CHOICES: Choice[] = Object.entries(THEME_LABELS).map(([value, label]) => ({
  value,
  label,
}))

export const LANG_CHOICES: Choice[] = [
  { value: '', label: 'Timeline’s language' },
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'fr', label: 'Français' },
  { value: 'es', label: 'Español' },
  { value: 'it', label: 'Italiano' },
  { value: 'ru', label: 'Русский' },
  { value: 'uk', label: 'Українська' },
  { value: 'zh', label: '中文' },
]

const Select = (props: {
  name: string
  label: string
  choices: Choice[]
  value: string
  any?: string
}) => (
  <>
    <label for={`opt-${props.name}`}>{props.label}</label>
    <select id={`opt-${props.name}`} name={props.name}>
      {props.any !== undefined ? <option value="">{props.any}</option> : null}
      {props.choices.map((choice) => (
        <option value={choice.value} selected={choice.value === props.value}>
          {choice.label}
        </option>
      ))}
    </select>
  </>
)

const Text = (props: {
  name: string
  label: string
  value: string
  placeholder?: string
  pattern?: string
}) => (
  <>
    <label for={`opt-${props.name}`}>{props.label}</label>
    <input
      id={`opt-${props.name}`}
      name={props.name}
      value={props.value}
      placeholder={props.placeholder}
      pattern={props.pattern}
      maxlength={256}
    />
  </>
)

const Output = (props: { id: string; label: string; value: string }) => (
  <div>
    <label for={`snippet-${props.id}`}>{props.label}</label>
    <textarea id={`snippet-${props.id}`} readonly spellcheck={false}>
      {props.value}
    </textarea>
    <button type="button" data-copy={`snippet-${props.id}`}>
      Copy
    </button>
  </div>
)

const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?'

/**
 * The generator.
 * @example <Generator origin="https://d.example" options={…} codes={snippets(…)} timelines={…} … />
 */
export const Generator = (props: GeneratorProps & { codes: Snippets }) => {
  const { options, codes } = props
  return (
    <section id="embed" class="gen" aria-labelledby="generator-title">
      <h2 id="generator-title">Embed it</h2>
      {props.error ? (
        <p role="alert">
          Those options were not used: {props.error}. The codes below use the defaults.
        </p>
      ) : null}
      <div class="grid">
        <form id="generator" method="get" action={HOME_PATH}>
          <fieldset>
            <legend>Options</legend>
            <Select
              name="timeline"
              label="Timeline"
              choices={props.timelines}
              value={options.timeline}
            />
            <Select name="theme" label="Theme" choices={THEME_CHOICES} value={options.theme} />
            <Select name="lang" label="Language" choices={LANG_CHOICES} value={options.lang} />
            <Text
              name="from"
              label="From"
              value={options.from}
              placeholder="2023-02-18"
              pattern={DATE_PATTERN}
            />
            <Text
              name="to"
              label="To"
              value={options.to}
              placeholder="2023-02-22"
              pattern={DATE_PATTERN}
            />
            <Select
              name="actor"
              label="Actor"
              choices={props.actors}
              value={options.actor}
              any="Any actor"
            />
            <Select
              name="kind"
              label="Kind"
              choices={props.kinds}
              value={options.kind}
              any="Any kind"
            />
            <Select name="tag" label="Tag" choices={props.tags} value={options.tag} any="Any tag" />
            <Text name="q" label="Words" value={options.q} placeholder="munich" />
            <p>
              <button type="submit">Update codes</button>
            </p>
          </fieldset>
        </form>
        <div>
          <Output id="iframe" label="iframe" value={codes.iframe} />
          <Output id="script" label="Script (auto-resizing)" value={codes.script} />
          <Output id="oembed" label="oEmbed URL (for CMSs)" value={codes.oembed} />
        </div>
      </div>
    </section>
  )
}
