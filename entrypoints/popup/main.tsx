import { render } from 'preact';
import { readFirstRows } from './LogPanel';
import { Popup } from './Popup';

// The log's first rows are read from here, before the first render: opening the database and the
// read overlap rendering, instead of starting in an effect after Preact's first paint.
render(<Popup firstRowsRead={readFirstRows()} />, document.getElementById('app')!);
