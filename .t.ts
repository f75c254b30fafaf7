import * as chrono from 'chrono-node'
const ref = { instant: new Date(Date.UTC(2023,3,3,12)), timezone: 0 }
for (const r of chrono.casual.parse("Finland and Sweden applied together in May last year, weeks after", ref)) console.log(JSON.stringify(r.text), r.index, r.start.isCertain('month'), r.start.isCertain('year'), r.start.get('month'), r.start.get('year'))
