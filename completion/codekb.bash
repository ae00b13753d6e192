# bash completion for codekb and codekb-import.
#
# Every list comes from the programs: codekb's commands and options from
# `codekb --complete commands|options`, and the protocols, codes, classes,
# vendors and languages from the database, read by `codekb --complete`
# with the --db given on the command line (else the usual one).  Only
# which kind of value each option takes is known here.

# _codekb_words WHAT ARG...: the candidates codekb prints, one a line,
# into COMPREPLY (words with spaces escaped).
_codekb_words() {
	local line
	COMPREPLY=()
	while IFS= read -r line; do
		COMPREPLY+=("${line// /\\ }")
	done < <("${_codekb_prog:-codekb}" --complete "$@" "${_codekb_db[@]}" 2>/dev/null)
}

_codekb() {
	local _codekb_prog=${COMP_WORDS[0]}
	local -a _codekb_db=() args=()
	local cur=${COMP_WORDS[COMP_CWORD]} prev=""
	local cmd="" proto="" w i long arg a b only_args=0
	local -A takes=() short=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# every option: which take a value, and the long name of each short one
	while read -r long a b; do
		if [[ $a == -? ]]; then short[$a]=$long; a=""; else
			[[ -n $b ]] && short[$b]=$long; fi
		[[ -n $a ]] && takes[$long]=$a
	done < <("$_codekb_prog" --complete options 2>/dev/null)

	# the words before the cursor: the command, its arguments, --db and
	# --protocol (as "--opt VALUE" or "--opt=VALUE"; bash splits the
	# latter at "=")
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if ((only_args)) || [[ $w != -?* || $w =~ ^-[0-9] ]]; then
			if [[ -z $cmd ]]; then cmd=$w; else args+=("$w"); fi
			continue
		fi
		[[ $w == -- ]] && { only_args=1; continue; }
		long=${short[$w]:-$w}
		[[ -n ${takes[$long]:-} ]] || continue
		arg=${COMP_WORDS[i + 1]:-}
		if [[ $arg == = ]]; then ((i++)); arg=${COMP_WORDS[i + 1]:-}; fi
		((i + 1 < COMP_CWORD)) || break
		((i++))
		case $long in
		--db) _codekb_db=(--db "$arg") ;;
		--protocol) proto=$arg ;;
		esac
	done

	# the value of an option
	[[ $prev == = ]] && ((COMP_CWORD > 1)) && prev=${COMP_WORDS[COMP_CWORD - 2]}
	long=${short[$prev]:-$prev}
	if [[ $prev == -* && -n ${takes[$long]:-} ]]; then
		case $long in
		--db | --output)
			compopt -o filenames 2>/dev/null
			mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
		--lang) _codekb_words languages "$cur" ;;
		--protocol) _codekb_words protocols "$cur" ;;
		--class) _codekb_words classes "${proto:-${args[0]:-}}" "$cur" ;;
		--vendor) _codekb_words vendors "${args[0]:-$proto}" "$cur" ;;
		--format) _codekb_words formats "${cmd:-}" "$cur" ;;
		*) COMPREPLY=() ;;
		esac
		return 0
	fi

	# an option: those the command takes
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$("$_codekb_prog" --complete options $cmd 2>/dev/null | cut -d' ' -f1)" -- "$cur")
		return 0
	fi

	# the command, then its arguments
	if [[ -z $cmd ]]; then
		_codekb_words commands "$cur"
		return 0
	fi
	case $cmd:${#args[@]} in
	show:0 | compare:0) _codekb_words protocols "$cur" ;;
	show:1 | compare:1) _codekb_words codes "${args[0]}" "$cur" ;;
	compare:2)
		# CODE_B, or PROTO_B
		_codekb_words codes "${args[0]}" "$cur"
		local -a codes=("${COMPREPLY[@]}")
		_codekb_words protocols "$cur"
		COMPREPLY=("${codes[@]}" "${COMPREPLY[@]}") ;;
	compare:3) _codekb_words codes "${args[2]}" "$cur" ;;
	export:0) _codekb_words choices export "$cur" ;;
	sql:0)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -X '!*.sql' -- "$cur"; compgen -d -- "$cur")
		[[ -z $cur || $cur == - ]] && COMPREPLY+=(-) ;;
	*) COMPREPLY=() ;;
	esac
	return 0
}

# codekb-import: its options (from its --help), and files.
_codekb_import() {
	local cur=${COMP_WORDS[COMP_CWORD]}
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$("${COMP_WORDS[0]}" --help 2>/dev/null |
			grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur")
	else
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
	return 0
}

complete -F _codekb codekb
complete -F _codekb_import codekb-import
